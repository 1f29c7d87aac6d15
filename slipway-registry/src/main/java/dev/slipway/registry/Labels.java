package dev.slipway.registry;

import dev.slipway.api.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks tag keys and values and descriptions. */
final class Labels {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{0,127}");
    private static final int MAX_VALUE = 4096;
    private static final int MAX_DESCRIPTION = 65536;

    private Labels() {}

    static String requireValidTag(String key) {
        if (key == null || !TAG.matcher(key).matches()) {
            throw InvalidInputException.of(
                    "'" + key + "'",
                    "'%s' is not a valid tag: use 1 to 128 letters, digits, '.', '_', '/', ':' or '-', starting with a letter or digit (e.g. team or source:kaggle)"
                            .formatted(key));
        }
        return key;
    }

    static String requireValidValue(String key, String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE) {
            throw InvalidInputException.of(
                    key,
                    "the value of tag '%s' has %d characters; at most %d are kept"
                            .formatted(key, value.length(), MAX_VALUE));
        }
        return value;
    }

    static void requireValidTags(Map<String, String> tags) {
        tags.forEach(
                (k, v) -> {
                    requireValidTag(k);
                    requireValidValue(k, v);
                });
    }

    static String requireValidDescription(String description) {
        Objects.requireNonNull(description, "description");
        if (description.length() > MAX_DESCRIPTION) {
            throw InvalidInputException.of(
                    "description",
                    "the description has %d characters; at most %d are kept"
                            .formatted(description.length(), MAX_DESCRIPTION));
        }
        return description;
    }
}
