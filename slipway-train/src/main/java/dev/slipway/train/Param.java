package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One XGBoost parameter a user may set: its name, the values it takes and the algorithms it applies
 * to.
 */
record Param(
        String name,
        Kind kind,
        double min,
        double max,
        List<String> choices,
        Set<Algorithm> algos) {

    enum Kind {
        INT,
        DOUBLE,
        CHOICE
    }

    static Param integer(String name, double min, double max, Algorithm... algos) {
        return new Param(name, Kind.INT, min, max, List.of(), set(algos));
    }

    static Param real(String name, double min, double max, Algorithm... algos) {
        return new Param(name, Kind.DOUBLE, min, max, List.of(), set(algos));
    }

    static Param choice(String name, List<String> choices, Algorithm... algos) {
        return new Param(name, Kind.CHOICE, 0, 0, choices, set(algos));
    }

    private static Set<Algorithm> set(Algorithm... algos) {
        return algos.length == 0 ? EnumSet.allOf(Algorithm.class) : EnumSet.of(algos[0], algos);
    }

    /** Parses and checks {@code text}, returning the value XGBoost is given. */
    Object parse(String text) {
        String t = text.strip();
        return switch (kind) {
            case INT -> {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw bad(t, "a whole number");
                }
                if (v < min || v > max) {
                    throw bad(t, "a whole number from %s to %s".formatted(fmt(min), fmt(max)));
                }
                yield (int) v;
            }
            case DOUBLE -> {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw bad(t, "a number");
                }
                if (!(v >= min && v <= max)) {
                    throw bad(t, "a number from %s to %s".formatted(fmt(min), fmt(max)));
                }
                yield v;
            }
            case CHOICE -> {
                String v = t.toLowerCase(Locale.ROOT);
                if (!choices.contains(v)) {
                    throw bad(t, "one of " + String.join(", ", choices));
                }
                yield v;
            }
        };
    }

    /** How the accepted values read in messages and help. */
    String describe() {
        return switch (kind) {
            case INT -> "integer %s..%s".formatted(fmt(min), fmt(max));
            case DOUBLE -> "number %s..%s".formatted(fmt(min), fmt(max));
            case CHOICE -> String.join("|", choices);
        };
    }

    private InvalidInputException bad(String value, String expected) {
        return InvalidInputException.of(
                "--param " + name,
                "--param %s=%s: %s must be %s".formatted(name, value, name, expected));
    }

    private static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
