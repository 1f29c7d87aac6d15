package dev.slipway.monitor.drift;

import java.util.Locale;
import java.util.Set;

/** What a DuckDB column type (as {@code DESCRIBE} names it) means for drift. */
enum DuckType {
    /** Whole numbers. */
    INTEGER,
    /** Other numbers: floating point and decimals. */
    REAL,
    /** Labels: text, booleans, enums. */
    LABEL,
    /** Anything else (dates, lists, structs...): not compared. */
    OTHER;

    private static final Set<String> INTEGERS =
            Set.of(
                    "TINYINT",
                    "SMALLINT",
                    "INTEGER",
                    "BIGINT",
                    "HUGEINT",
                    "UTINYINT",
                    "USMALLINT",
                    "UINTEGER",
                    "UBIGINT",
                    "UHUGEINT");

    static DuckType of(String duckType) {
        String t = duckType.strip().toUpperCase(Locale.ROOT);
        if (INTEGERS.contains(t)) {
            return INTEGER;
        }
        if (t.equals("FLOAT") || t.equals("DOUBLE") || t.startsWith("DECIMAL")) {
            return REAL;
        }
        if (t.equals("VARCHAR") || t.equals("BOOLEAN") || t.startsWith("ENUM")) {
            return LABEL;
        }
        return OTHER;
    }

    boolean isNumber() {
        return this == INTEGER || this == REAL;
    }
}
