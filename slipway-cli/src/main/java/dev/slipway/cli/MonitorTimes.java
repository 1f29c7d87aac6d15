package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times on the monitoring command line: an ISO instant ({@code 2026-12-01T06:00:00Z}), a time with
 * an offset ({@code 2026-12-01T07:00:00+01:00}), a local time taken as UTC ({@code
 * 2026-12-01T06:00:00}) or a date, meaning its midnight UTC ({@code 2026-12-01}).
 */
final class MonitorTimes {

    /** The forms, for help texts. */
    static final String FORMS =
            "ISO instants (2026-12-01T06:00:00Z) or dates (2026-12-01, midnight UTC)";

    private MonitorTimes() {}

    /**
     * The instant {@code text} names.
     *
     * @param option the option it came from, for the error
     * @throws InvalidInputException naming the option, the text and the forms accepted
     */
    static Instant parse(String option, String text) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            if (t.matches(".*[+-]\\d\\d:?\\d\\d$") && t.contains("T")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(
                    option, "%s '%s' is not a time; use %s".formatted(option, text, FORMS));
        }
    }

    /** {@link #parse} of an optional value. */
    static Optional<Instant> parse(String option, Optional<String> text) {
        return text.map(t -> parse(option, t));
    }
}
