package dev.slipway.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The versions a run depends on, recorded in its provenance: libraries, JVM, OS. */
final class Environment {

    private Environment() {}

    /** Library, JVM and OS versions of this process, by name. */
    static Map<String, String> capture() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("slipway", version(Environment.class).orElse("development"));
        m.put("xgboost4j", version(ml.dmlc.xgboost4j.java.XGBoost.class).orElse("unknown"));
        m.put("java", System.getProperty("java.version", "unknown"));
        m.put("jvm", System.getProperty("java.vm.name", "unknown"));
        m.put("os", System.getProperty("os.name", "unknown"));
        m.put("os_version", System.getProperty("os.version", "unknown"));
        m.put("arch", System.getProperty("os.arch", "unknown"));
        m.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return m;
    }

    /** The version in the jar that holds {@code type}: its manifest, else its Maven metadata. */
    private static Optional<String> version(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        if (v != null) {
            return Optional.of(v);
        }
        String location =
                Optional.ofNullable(type.getProtectionDomain().getCodeSource())
                        .map(s -> s.getLocation().getPath())
                        .orElse("");
        // Maven's repository layout and our distribution both name jars ARTIFACT-VERSION.jar.
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("-([0-9][0-9A-Za-z.+-]*)\\.jar$").matcher(location);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
