package dev.slipway.data;

/** Quoting for SQL text built for DuckDB. */
final class Sql {

    private Sql() {}

    /** A double-quoted identifier, with embedded quotes doubled. */
    static String id(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted string literal, with embedded quotes doubled. */
    static String str(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** A DOUBLE literal that reads back as exactly {@code value}. */
    static String dbl(double value) {
        return "CAST('" + value + "' AS DOUBLE)";
    }
}
