package dev.slipway.registry;

import dev.slipway.api.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a model version came from: when its package was made, and whether Slipway trained it (with
 * everything needed to train it again) or imported a file trained elsewhere. Immutable.
 *
 * @param created when the package was made, to the millisecond
 * @param source how the model was made
 */
public record Provenance(Instant created, Source source) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Provenance {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(source, "source");
    }

    /** How a model was made. */
    public sealed interface Source permits Trained, Imported {}

    /**
     * Trained by Slipway.
     *
     * @param runId the training run
     * @param datasetName the dataset it learned from
     * @param datasetVersion the id of that dataset's version
     * @param datasetSha256 the version's content hash (64 hex digits)
     * @param params the trainer's parameters, as text, sorted by name
     * @param seed the random seed
     * @param libraries the versions of the libraries that trained it, by library, sorted by name
     * @param jvm the Java runtime, e.g. {@link #currentJvm()}
     * @param os the operating system, e.g. {@link #currentOs()}
     */
    public record Trained(
            String runId,
            String datasetName,
            String datasetVersion,
            String datasetSha256,
            Map<String, String> params,
            long seed,
            Map<String, String> libraries,
            String jvm,
            String os)
            implements Source {
        public Trained {
            requireText(runId, "run id");
            requireText(datasetName, "dataset name");
            requireText(datasetVersion, "dataset version");
            requireSha256(datasetSha256, "dataset " + datasetName + "@" + datasetVersion);
            params = sorted(params);
            libraries = sorted(libraries);
            requireText(jvm, "JVM");
            requireText(os, "OS");
        }
    }

    /**
     * Imported from a model file trained elsewhere.
     *
     * @param fileName the file's name, without its folder
     * @param sha256 the sha256 of the file as imported (64 hex digits)
     */
    public record Imported(String fileName, String sha256) implements Source {
        public Imported {
            requireText(fileName, "file name");
            requireSha256(sha256, fileName);
        }
    }

    /**
     * This process's Java runtime, e.g. {@code Eclipse Adoptium 25+36 (OpenJDK 64-Bit Server VM)}.
     */
    public static String currentJvm() {
        return "%s %s (%s)"
                .formatted(
                        System.getProperty("java.vendor"),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("java.vm.name"));
    }

    /** This process's operating system, e.g. {@code Linux 6.1.0 amd64}. */
    public static String currentOs() {
        return "%s %s %s"
                .formatted(
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        System.getProperty("os.arch"));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(
                    "provenance", "the model's provenance needs a non-empty " + what);
        }
    }

    private static void requireSha256(String value, String of) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw InvalidInputException.of(
                    "provenance",
                    "the sha256 of %s must be 64 lower-case hex digits, got '%s'"
                            .formatted(of, value));
        }
    }

    static Map<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
