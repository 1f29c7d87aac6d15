package dev.slipway.monitor.log;

import java.util.Objects;

/**
 * One column of a monitored relation.
 *
 * @param name the column name, as DuckDB reports it
 * @param sqlType its DuckDB type, e.g. {@code DOUBLE}, {@code VARCHAR}, {@code TIMESTAMP WITH TIME
 *     ZONE}
 */
public record DataColumn(String name, String sqlType) {

    public DataColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlType, "sqlType");
    }

    /** Whether the type is a number DuckDB can average (integers, decimals, floating point). */
    public boolean numeric() {
        return switch (sqlType) {
            case "TINYINT",
                    "SMALLINT",
                    "INTEGER",
                    "BIGINT",
                    "HUGEINT",
                    "UTINYINT",
                    "USMALLINT",
                    "UINTEGER",
                    "UBIGINT",
                    "UHUGEINT",
                    "FLOAT",
                    "DOUBLE" ->
                    true;
            default -> sqlType.startsWith("DECIMAL");
        };
    }
}
