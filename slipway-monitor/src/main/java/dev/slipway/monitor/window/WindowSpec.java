package dev.slipway.monitor.window;

import dev.slipway.api.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * How to cut monitored data into windows: by a fixed length of time, by calendar months (UTC), or
 * by a number of rows. Parsed from text such as {@code 30m}, {@code 1h}, {@code 1d}, {@code 7d},
 * {@code 2w}, {@code 1mo}, {@code 10000rows}.
 */
public sealed interface WindowSpec permits WindowSpec.Span, WindowSpec.Months, WindowSpec.Rows {

    /** The forms {@link #parse} accepts, for messages and help. */
    String FORMS =
            "30m (minutes), 1h (hours), 1d or 7d (days), 2w (weeks), 1mo (calendar months, UTC) or 10000rows (rows)";

    /** The text that parses back to this spec, e.g. {@code 7d}. */
    String text();

    /**
     * Windows of a fixed length of time, a whole number of minutes. Windows start at UTC midnight
     * of the day of the first row, then follow one another; a length that divides a day thus starts
     * its windows on the hour, the day, and so on.
     *
     * @param length at least one minute, whole minutes
     */
    record Span(Duration length) implements WindowSpec {

        /** The longest window: 100 years of 365 days. */
        public static final Duration MAX = Duration.ofDays(36_500);

        public Span {
            Objects.requireNonNull(length, "length");
            if (length.toMinutes() < 1
                    || !length.equals(Duration.ofMinutes(length.toMinutes()))
                    || length.compareTo(MAX) > 0) {
                throw InvalidInputException.of(
                        "window",
                        "a window lasts a whole number of minutes, from 1 minute to 36500 days; got "
                                + length);
            }
        }

        @Override
        public String text() {
            long m = length.toMinutes();
            if (m % (7 * 24 * 60) == 0) {
                return m / (7 * 24 * 60) + "w";
            }
            if (m % (24 * 60) == 0) {
                return m / (24 * 60) + "d";
            }
            if (m % 60 == 0) {
                return m / 60 + "h";
            }
            return m + "m";
        }
    }

    /**
     * Windows of {@code count} calendar months in UTC, the first starting on the first day of the
     * month of the first row.
     *
     * @param count at least 1
     */
    record Months(int count) implements WindowSpec {

        /** The most months in a window: 100 years. */
        public static final int MAX = 1200;

        public Months {
            if (count < 1 || count > MAX) {
                throw InvalidInputException.of(
                        "window", "a window lasts from 1 to 1200 months, got " + count);
            }
        }

        @Override
        public String text() {
            return count + "mo";
        }
    }

    /**
     * Windows of {@code count} rows in row order, the last one possibly shorter.
     *
     * @param count at least 1
     */
    record Rows(long count) implements WindowSpec {
        public Rows {
            if (count < 1) {
                throw InvalidInputException.of(
                        "window", "a window holds at least 1 row, got " + count);
            }
        }

        @Override
        public String text() {
            return count + "rows";
        }
    }

    /**
     * Parses {@code 30m}, {@code 1h}, {@code 1d}, {@code 7d}, {@code 2w}, {@code 1mo}, {@code
     * 10000rows}: a positive whole number then a unit, case-insensitive.
     *
     * @throws InvalidInputException naming the text and the accepted forms
     */
    static WindowSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = Forms.PATTERN.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw Forms.invalid(text, "");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw Forms.invalid(text, " (the number is too large)");
        }
        if (n < 1) {
            throw Forms.invalid(text, " (the number must be 1 or more)");
        }
        try {
            return switch (m.group(2)) {
                case "m" -> Forms.span(text, n);
                case "h" -> Forms.span(text, Math.multiplyExact(n, 60));
                case "d" -> Forms.span(text, Math.multiplyExact(n, 24 * 60));
                case "w" -> Forms.span(text, Math.multiplyExact(n, 7 * 24 * 60));
                case "mo" -> Forms.months(text, n);
                case "rows", "row" -> new Rows(n);
                default -> throw Forms.invalid(text, "");
            };
        } catch (ArithmeticException e) {
            throw Forms.invalid(text, " (the number is too large)");
        }
    }
}
