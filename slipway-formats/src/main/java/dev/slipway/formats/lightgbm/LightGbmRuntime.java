package dev.slipway.formats.lightgbm;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The LightGBM native library that lightgbm4j bundles: loading it, and its version. */
final class LightGbmRuntime {

    private static final String POM_PROPERTIES =
            "/META-INF/maven/io.github.metarank/lightgbm4j/pom.properties";

    private static volatile boolean loaded;
    private static volatile String version;

    private LightGbmRuntime() {}

    /**
     * Loads the native library once per process (lightgbm4j unpacks it into the temporary folder).
     *
     * @throws IllegalStateException when this platform has no bundled library or it cannot load
     */
    static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (LightGbmRuntime.class) {
            if (loaded) {
                return;
            }
            try {
                LGBMBooster.loadNative();
            } catch (IOException | LinkageError e) {
                throw new IllegalStateException(
                        "LightGBM's native library could not be loaded on %s/%s: %s. lightgbm4j bundles it for Linux and macOS on x86_64 and arm64, and for Windows on x86_64; on Linux it needs libgomp (apt-get install libgomp1)"
                                .formatted(
                                        System.getProperty("os.name"),
                                        System.getProperty("os.arch"),
                                        e.getMessage()),
                        e);
            }
            if (!LGBMBooster.isNativeLoaded()) {
                throw new IllegalStateException(
                        "LightGBM's native library is not available for %s/%s"
                                .formatted(
                                        System.getProperty("os.name"),
                                        System.getProperty("os.arch")));
            }
            loaded = true;
        }
    }

    /**
     * The LightGBM version bundled: lightgbm4j's version without its packaging suffix ({@code
     * 4.3.0-1} bundles LightGBM 4.3.0).
     */
    static String version() {
        String v = version;
        if (v == null) {
            v = readVersion();
            version = v;
        }
        return v;
    }

    private static String readVersion() {
        try (InputStream in = LGBMBooster.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            String packaged = properties.getProperty("version", "(version unknown)");
            int dash = packaged.indexOf('-');
            return dash < 0 ? packaged : packaged.substring(0, dash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lightgbm4j's version", e);
        }
    }
}
