package dev.slipway.api.data;

import dev.slipway.api.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to a dataset version: {@code NAME} (the latest version) or {@code NAME@VERSION},
 * where VERSION is a version id, a unique prefix of one (at least 4 characters), or the version's
 * number in the dataset's history ({@code adult@1} is the first version).
 */
public record DatasetRef(String name, Optional<String> version) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9]{1,64}");

    public DatasetRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        requireValidName(name);
        version.ifPresent(
                v -> {
                    if (!VERSION.matcher(v).matches()) {
                        throw InvalidInputException.of(
                                name + "@" + v,
                                "'%s' is not a dataset version: use a version id (letters and digits, see 'slipway data history %s') or a version number"
                                        .formatted(v, name));
                    }
                });
    }

    /** Parses {@code NAME} or {@code NAME@VERSION}. */
    public static DatasetRef parse(String text) {
        String t = text.strip();
        int at = t.indexOf('@');
        if (at < 0) {
            return new DatasetRef(t, Optional.empty());
        }
        return new DatasetRef(t.substring(0, at), Optional.of(t.substring(at + 1)));
    }

    /** The latest version of {@code name}. */
    public static DatasetRef latest(String name) {
        return new DatasetRef(name, Optional.empty());
    }

    /** Checks that {@code name} can name a dataset, saying what is allowed when it cannot. */
    public static String requireValidName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw InvalidInputException.of(
                    "'" + name + "'",
                    "'%s' is not a valid dataset name: use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. adult-2024)"
                            .formatted(name));
        }
        return name;
    }

    @Override
    public String toString() {
        return version.map(v -> name + "@" + v).orElse(name);
    }
}
