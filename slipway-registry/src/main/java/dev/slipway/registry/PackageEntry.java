package dev.slipway.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to put in a model package when registering a version: its path in the package, its role
 * (see {@link PackageFile}) and its content, in memory or in a file. Immutable as long as the array
 * or file is not changed.
 */
public sealed interface PackageEntry {

    /** Where the file goes in the package. */
    String path();

    /** What the file is for, e.g. {@link PackageFile#MODEL}. */
    String role();

    /** Content held in memory; the array is not copied. */
    record Bytes(String path, String role, byte[] content) implements PackageEntry {
        public Bytes {
            PackageFile.requireValidPath(path);
            PackageFile.requireValidRole(role);
            Objects.requireNonNull(content, "content");
        }
    }

    /** Content read from a file when the version is registered. */
    record File(String path, String role, Path file) implements PackageEntry {
        public File {
            PackageFile.requireValidPath(path);
            PackageFile.requireValidRole(role);
            Objects.requireNonNull(file, "file");
        }
    }

    /** A file of the package with its content in memory. */
    static PackageEntry of(String path, String role, byte[] content) {
        return new Bytes(path, role, content);
    }

    /** A file of the package with its content read from {@code file}. */
    static PackageEntry of(String path, String role, Path file) {
        return new File(path, role, file);
    }
}
