package dev.slipway.formats.lightgbm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the numbers of a LightGBM model line, as LightGBM writes them and reads them back: whole
 * numbers, decimals ({@code 0.5}, {@code -1e-05}) and the words {@code inf} and {@code nan}. Checks
 * work in place on the model text.
 */
final class Tokens {

    private static final String[] SPECIAL = {"inf", "infinity", "nan"};

    private Tokens() {}

    /** The non-empty tokens of {@code value} split on spaces, as LightGBM splits them. */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        Span.TokenCursor cursor = new Span.TokenCursor(value, 0, value.length());
        while (cursor.next()) {
            out.add(cursor.token());
        }
        return out;
    }

    /** An integer in {@code [min, max]}, if {@code token} is one. */
    static Optional<Long> integer(String token, long min, long max) {
        return isInteger(token, 0, token.length(), min, max)
                ? Optional.of(integerValue(token, 0, token.length()))
                : Optional.empty();
    }

    /** A number LightGBM reads back without error, if {@code token} is one. */
    static Optional<Double> number(String token) {
        return isNumber(token, 0, token.length())
                ? Optional.of(numberValue(token, 0, token.length()))
                : Optional.empty();
    }

    /** Whether {@code s[start, end)} is a whole number in {@code [min, max]}. */
    static boolean isInteger(String s, int start, int end, long min, long max) {
        int i =
                start < end && (s.charAt(start) == '-' || s.charAt(start) == '+')
                        ? start + 1
                        : start;
        if (i >= end || end - i > 18) {
            return end - i > 18 && fallbackInteger(s, start, end, min, max);
        }
        for (int k = i; k < end; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        long v = integerValue(s, start, end);
        return v >= min && v <= max;
    }

    private static boolean fallbackInteger(String s, int start, int end, long min, long max) {
        try {
            long v = Long.parseLong(s, start, end, 10);
            return v >= min && v <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The value of a whole number that {@link #isInteger} accepted. */
    static long integerValue(String s, int start, int end) {
        return Long.parseLong(s, start, end, 10);
    }

    /**
     * Whether {@code s[start, end)} is a decimal or one of the words LightGBM reads, and a normal
     * double or zero: C's strtod reports larger, smaller and subnormal values as out of range, and
     * LightGBM then aborts.
     */
    static boolean isNumber(String s, int start, int end) {
        int i =
                start < end && (s.charAt(start) == '-' || s.charAt(start) == '+')
                        ? start + 1
                        : start;
        for (String word : SPECIAL) {
            if (end - i == word.length() && s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        int digits = 0;
        int integerDigits = 0;
        int firstInInteger = -1; // 1-based place among the integer digits of the first non-zero
        int firstInFraction = -1; // 1-based place among the fraction digits of the first non-zero
        boolean point = false;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (!point) {
                    integerDigits++;
                }
                if (c != '0' && firstInInteger < 0 && firstInFraction < 0) {
                    if (point) {
                        firstInFraction = digits - integerDigits;
                    } else {
                        firstInInteger = integerDigits;
                    }
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        long exponent = 0;
        if (i < end) {
            if (s.charAt(i) != 'e' && s.charAt(i) != 'E') {
                return false;
            }
            int e =
                    i + 1 < end && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+')
                            ? i + 2
                            : i + 1;
            if (e >= end) {
                return false;
            }
            for (int k = e; k < end; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return false;
                }
                exponent = Math.min(exponent * 10 + (c - '0'), 100_000);
            }
            if (s.charAt(i + 1) == '-') {
                exponent = -exponent;
            }
        }
        if (firstInInteger < 0 && firstInFraction < 0) {
            return true; // zero
        }
        long magnitude =
                (firstInInteger > 0 ? integerDigits - firstInInteger : -firstInFraction) + exponent;
        if (magnitude > 308 || magnitude < -308) {
            return false;
        }
        if (magnitude == 308 || magnitude == -308) {
            double v = Math.abs(numberValue(s, start, end));
            return !Double.isInfinite(v) && v >= Double.MIN_NORMAL;
        }
        return true;
    }

    /** The value of a number that {@link #isNumber} accepted. */
    static double numberValue(String s, int start, int end) {
        int i =
                start < end && (s.charAt(start) == '-' || s.charAt(start) == '+')
                        ? start + 1
                        : start;
        boolean negative = s.charAt(start) == '-';
        if (s.regionMatches(true, i, "inf", 0, 3)) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (s.regionMatches(true, i, "nan", 0, 3)) {
            return Double.NaN;
        }
        return Double.parseDouble(s.substring(start, end));
    }
}
