package dev.slipway.monitor.log;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/** Quoting for SQL text built for DuckDB over monitored data. Stateless. */
public final class DuckSql {

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private DuckSql() {}

    /** A double-quoted identifier, with embedded quotes doubled. */
    public static String id(String name) {
        return '"' + Objects.requireNonNull(name, "name").replace("\"", "\"\"") + '"';
    }

    /** A single-quoted string literal, with embedded quotes doubled. */
    public static String str(String value) {
        return '\'' + Objects.requireNonNull(value, "value").replace("'", "''") + '\'';
    }

    /**
     * The most telling line of a DuckDB error message, without its {@code Error:} prefixes, for
     * messages that name the user's file or column.
     */
    public static String reason(SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        for (String line : msg.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.replaceFirst("^(Error: )?([A-Za-z ]+ Error: )+", "");
            }
        }
        return msg.strip();
    }

    /**
     * A {@code TIMESTAMPTZ} literal of {@code t} in UTC, to the microsecond (DuckDB's resolution),
     * e.g. {@code TIMESTAMPTZ '2021-06-01 00:00:00.000000+00'}; it means the same instant whatever
     * the session's time zone.
     */
    public static String timestamp(Instant t) {
        return "TIMESTAMPTZ '" + MICROS.format(Objects.requireNonNull(t, "t")) + "+00'";
    }
}
