package dev.slipway.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public datasets and models in the {@code shared/} folder beside the repository.
 *
 * <p>Tests run with a module folder as working directory; {@code shared/} sits beside the
 * repository root, so it is found by walking up from there.
 */
public final class SharedData {

    private SharedData() {}

    /** The {@code shared/} folder; fails with the paths tried when it is missing. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        StringBuilder tried = new StringBuilder();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("datasets"))) {
                return candidate;
            }
            tried.append("\n  ").append(candidate);
        }
        throw new IllegalStateException(
                "the shared/ folder with datasets was not found beside the repository; tried:"
                        + tried);
    }

    /** A file under {@code shared/datasets}, e.g. {@code dataset("adult_train.csv")}. */
    public static Path dataset(String relative) {
        Path p = root().resolve("datasets").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("shared dataset missing: " + p);
        }
        return p;
    }
}
