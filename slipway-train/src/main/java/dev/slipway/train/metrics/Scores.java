package dev.slipway.train.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks shared by the evaluation records' constructors. */
final class Scores {

    private Scores() {}

    /** Requires a score in [0, 1]. */
    static void requireUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    "%s must be from 0 to 1, got %s".formatted(name, value));
        }
    }

    /** Requires a score in [0, 1] or NaN (undefined). */
    static void requireUnitOrNaN(String name, double value) {
        if (!Double.isNaN(value)) {
            requireUnit(name, value);
        }
    }

    /** Requires a score that is not negative, or NaN. */
    static void requireNonNegative(String name, double value) {
        if (value < 0) {
            throw new IllegalArgumentException("%s must be >= 0, got %s".formatted(name, value));
        }
    }

    static void requireRows(long rows) {
        if (rows < 1) {
            throw new IllegalArgumentException(
                    "an evaluation covers at least one row, got %d".formatted(rows));
        }
    }

    static List<String> requireClasses(List<String> classes, int min) {
        List<String> copy = List.copyOf(classes);
        if (copy.size() < min || copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException(
                    "needs at least %d distinct class names, got %s".formatted(min, copy));
        }
        return copy;
    }

    /** An unmodifiable map keeping the order of {@code namesAndValues} (name, value, ...). */
    static Map<String, Double> ordered(Object... namesAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(map);
    }
}
