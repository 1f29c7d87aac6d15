package dev.slipway.formats.lightgbm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the space-separated numbers of a LightGBM model line, as LightGBM writes them. */
final class Tokens {

    private Tokens() {}

    /** The non-empty tokens of {@code value} split on spaces, as LightGBM splits them. */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == ' ') {
                if (i > start) {
                    out.add(value.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** An integer in {@code [min, max]}, if {@code token} is one. */
    static Optional<Long> integer(String token, long min, long max) {
        try {
            long v = Long.parseLong(token);
            return v >= min && v <= max ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A number as LightGBM writes doubles ({@code 0.5}, {@code -1e-05}, {@code inf}, {@code nan}),
     * if {@code token} is one that LightGBM reads back without error.
     */
    static Optional<Double> number(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        switch (t) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Optional.of(Double.POSITIVE_INFINITY);
            }
            case "-inf", "-infinity" -> {
                return Optional.of(Double.NEGATIVE_INFINITY);
            }
            case "nan", "-nan", "+nan" -> {
                return Optional.of(Double.NaN);
            }
            default -> {}
        }
        if (t.isEmpty() || !isDecimal(t)) {
            return Optional.empty();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return inRange(v, t) ? Optional.of(v) : Optional.empty();
    }

    /**
     * Whether a decimal is a normal double or zero: C's strtod reports larger, smaller and
     * subnormal values as out of range, and LightGBM then aborts.
     */
    private static boolean inRange(double v, String t) {
        if (Double.isInfinite(v) || (v != 0 && Math.abs(v) < Double.MIN_NORMAL)) {
            return false;
        }
        if (v == 0) {
            int exponent = t.indexOf('e');
            String mantissa = exponent < 0 ? t : t.substring(0, exponent);
            for (int i = 0; i < mantissa.length(); i++) {
                char c = mantissa.charAt(i);
                if (c >= '1' && c <= '9') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Only the characters of a decimal number (Java would also take "0x1p3" or "1d"). */
    private static boolean isDecimal(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == '+' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
