package dev.slipway.monitor.perf;

import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The text form in which keys and labels are stored and compared, whatever their type in a file,
 * the prediction log or a request: text trimmed; integers as written; a whole floating-point number
 * as an integer ({@code 5832.0} as {@code 5832}); other numbers as DuckDB prints them; booleans as
 * {@code true} or {@code false}.
 */
final class Canonical {

    /** Beyond this, doubles are not all whole numbers that a BIGINT holds exactly. */
    private static final double EXACT = 9.0e15;

    private Canonical() {}

    /** The SQL giving the text form of column {@code c} of alias {@code alias} (may be empty). */
    static String sql(String alias, DataColumn c) {
        String v = (alias.isEmpty() ? "" : alias + ".") + DuckSql.id(c.name());
        String type = c.sqlType();
        if (type.equals("VARCHAR")) {
            return "trim(" + v + ")";
        }
        if (type.equals("FLOAT") || type.equals("DOUBLE") || type.startsWith("DECIMAL")) {
            String d = "CAST(" + v + " AS DOUBLE)";
            return "CASE WHEN isfinite(%s) AND %s = trunc(%s) AND abs(%s) < %s THEN CAST(CAST(%s AS BIGINT) AS VARCHAR) ELSE CAST(%s AS VARCHAR) END"
                    .formatted(d, d, d, d, "9.0e15", d, d);
        }
        return "CAST(" + v + " AS VARCHAR)";
    }

    /** The text form of a value from a JSON-like map; empty for null or blank text. */
    static Optional<String> of(Object value) {
        String text =
                switch (value) {
                    case null -> null;
                    case String s -> s.strip();
                    case Boolean b -> b.toString();
                    case Long l -> l.toString();
                    case Integer i -> i.toString();
                    case Short s -> s.toString();
                    case Byte b -> b.toString();
                    case BigInteger b -> b.toString();
                    case BigDecimal b -> number(b.doubleValue());
                    case Double d -> number(d);
                    case Float f -> number(f.doubleValue());
                    default ->
                            throw new IllegalArgumentException(
                                    "a %s is not a key or a label; give text, a number or a boolean"
                                            .formatted(value.getClass().getSimpleName()));
                };
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static String number(double d) {
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < EXACT) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
