package dev.slipway.registry;

import dev.slipway.api.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a model package, as listed in its manifest. Immutable.
 *
 * @param path where the file sits in the package, e.g. {@code model.json}; relative, with {@code /}
 *     between folders and no {@code .} or {@code ..} parts
 * @param role what the file is for: {@link #MODEL} for the native model file (exactly one per
 *     package), else a lower-case word such as {@code evaluation}
 * @param sha256 the sha256 of the content, 64 lower-case hex digits; also its blob id
 * @param size the size in bytes
 */
public record PackageFile(String path, String role, String sha256, long size) {

    /** The role of the package's native model file. */
    public static final String MODEL = "model";

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public PackageFile {
        requireValidPath(path);
        requireValidRole(role);
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw InvalidInputException.of(
                    path,
                    "the sha256 of package file '%s' must be 64 lower-case hex digits, got '%s'"
                            .formatted(path, sha256));
        }
        if (size < 0) {
            throw InvalidInputException.of(
                    path, "package file '%s' has a negative size %d".formatted(path, size));
        }
    }

    /** Checks that {@code path} can name a file in a package. */
    static String requireValidPath(String path) {
        Objects.requireNonNull(path, "path");
        boolean ok = !path.isEmpty() && path.length() <= 512;
        for (String part : path.split("/", -1)) {
            ok &= PART.matcher(part).matches() && !part.equals("..") && !part.equals(".");
        }
        if (!ok) {
            throw InvalidInputException.of(
                    path,
                    "'%s' is not a valid path in a model package: use parts of letters, digits, '.', '_', '+' or '-' separated by '/', not starting with '.' (e.g. model.json or eval/metrics.json)"
                            .formatted(path));
        }
        return path;
    }

    /** Checks that {@code role} can name a file's role. */
    static String requireValidRole(String role) {
        Objects.requireNonNull(role, "role");
        if (!ROLE.matcher(role).matches()) {
            throw InvalidInputException.of(
                    role,
                    "'%s' is not a valid package file role: use a lower-case word of letters, digits and '_' (e.g. model, evaluation)"
                            .formatted(role));
        }
        return role;
    }
}
