package dev.slipway.formats.lightgbm;

import com.microsoft.ml.lightgbm.lightgbmlib;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The LightGBM native library that lightgbm4j bundles: loading it, and its version.
 *
 * <p>lightgbm4j's own loader rewrites one fixed file in the temporary folder whenever a process
 * starts using it, in place; every other process that has that file mapped then dies of SIGBUS when
 * it next runs code from it. So the libraries are copied into a folder of this process's own
 * instead, loaded from there and deleted (a loaded library stays mapped). lightgbm4j's loader is
 * never run by this package.
 */
final class LightGbmRuntime {

    private static final String POM_PROPERTIES =
            "/META-INF/maven/io.github.metarank/lightgbm4j/pom.properties";

    private static volatile boolean loaded;
    private static volatile String version;

    private LightGbmRuntime() {}

    /**
     * Loads the native libraries once per process.
     *
     * @throws IllegalStateException when lightgbm4j bundles none for this platform, or they cannot
     *     be loaded
     */
    static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (LightGbmRuntime.class) {
            if (!loaded) {
                load(platformFolder(), libraryNames());
                loaded = true;
            }
        }
    }

    private static void load(String folder, List<String> names) {
        try {
            Path dir = Files.createTempDirectory("slipway-lightgbm-");
            try {
                for (String name : names) {
                    Path file = dir.resolve(name);
                    copy(folder + name, file);
                    System.load(file.toAbsolutePath().toString());
                }
            } finally {
                delete(dir, names);
            }
        } catch (IOException | LinkageError e) {
            throw new IllegalStateException(
                    "LightGBM's native library could not be loaded on %s: %s. On Linux it needs libgomp (apt-get install libgomp1)"
                            .formatted(platform(), e.getMessage()),
                    e);
        }
    }

    private static void copy(String resource, Path file) throws IOException {
        try (InputStream in = lightgbmlib.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "lightgbm4j has no LightGBM library for %s (looked for %s); it bundles Linux and macOS on x86_64 and arm64, and Windows on x86_64"
                                .formatted(platform(), resource));
            }
            Files.copy(in, file);
        }
    }

    /** Deletes the copies; where the system refuses (Windows keeps loaded DLLs), at exit. */
    private static void delete(Path dir, List<String> names) {
        for (String name : names) {
            Path file = dir.resolve(name);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }

    /** The folder of lightgbm4j's jar that holds this platform's libraries. */
    private static String platformFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system =
                os.startsWith("linux")
                        ? "linux"
                        : os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "windows" : os;
        String cpu =
                switch (arch) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "aarch64";
                    default -> arch;
                };
        return "/lightgbm4j/%s/%s/".formatted(system, cpu);
    }

    /** LightGBM first: the JNI library needs it, and finds it loaded by its name. */
    private static List<String> libraryNames() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String suffix = os.startsWith("mac") ? ".dylib" : os.startsWith("windows") ? ".dll" : ".so";
        return List.of("lib_lightgbm" + suffix, "lib_lightgbm_swig" + suffix);
    }

    private static String platform() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
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
        try (InputStream in = lightgbmlib.class.getResourceAsStream(POM_PROPERTIES)) {
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
