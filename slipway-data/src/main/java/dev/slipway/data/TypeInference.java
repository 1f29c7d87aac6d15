package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.LogicalType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses each column's logical type from all of its values, in one scan.
 *
 * <p>Text columns: INTEGER when every non-null value is a whole number ({@code [+-]?[0-9]+}), else
 * NUMERIC when every value parses as a number, else BOOLEAN when every value is {@code true}/{@code
 * false} (any case), else TIMESTAMP when every value parses as a date or date-time, else
 * CATEGORICAL when there are at most {@value #MAX_CATEGORIES} distinct values and either at most
 * {@value #ALWAYS_CATEGORICAL} or at most half as many as non-null values, else TEXT. A column with
 * no value is TEXT. Typed columns (Parquet, JSON) keep their type's logical kind. A user's {@code
 * --type} wins, after checking that every value fits it.
 */
final class TypeInference {

    static final int MAX_CATEGORIES = 1000;
    static final int ALWAYS_CATEGORICAL = 20;

    /** A column's chosen type and how many non-null values it has. */
    record Inferred(Source.SourceColumn column, LogicalType type, long nonNull) {}

    private TypeInference() {}

    static List<Inferred> infer(
            DuckSession duck, Source src, Map<String, LogicalType> overrides, Progress progress) {
        for (String name : overrides.keySet()) {
            if (src.columns().stream().noneMatch(c -> c.name().equals(name))) {
                throw InvalidInputException.of(
                        "--type " + name,
                        "--type names the column '%s', which %s does not have; its columns are: %s"
                                .formatted(
                                        name,
                                        src.file(),
                                        String.join(
                                                ", ",
                                                src.columns().stream()
                                                        .map(Source.SourceColumn::name)
                                                        .toList())));
            }
        }
        java.util.Set<String> dateLike = dateLike(duck, src);
        List<String> aggs = new ArrayList<>();
        for (Source.SourceColumn c : src.columns()) {
            String v = Sql.id(c.name());
            aggs.add("count(" + v + ")");
            if (c.isText()) {
                aggs.add(
                        "count(*) FILTER (WHERE TRY_CAST(%1$s AS BIGINT) IS NOT NULL AND NOT (contains(%1$s, '.') OR contains(%1$s, 'e') OR contains(%1$s, 'E') OR contains(%1$s, 'x') OR contains(%1$s, '_')))"
                                .formatted(v));
                aggs.add("count(TRY_CAST(%s AS DOUBLE))".formatted(v));
                aggs.add("count(*) FILTER (WHERE lower(%s) IN ('true', 'false'))".formatted(v));
                aggs.add(
                        dateLike.contains(c.name())
                                ? "count(*) FILTER (WHERE TRY_CAST(%1$s AS TIMESTAMP) IS NOT NULL AND NOT regexp_full_match(%1$s, '[0-9.eE+-]+'))"
                                        .formatted(v)
                                : "0");
                aggs.add("approx_count_distinct(" + v + ")");
            }
        }
        List<Inferred> out = new ArrayList<>();
        String sql = "SELECT " + String.join(", ", aggs) + " FROM " + src.relation();
        try (Statement s = duck.connection().createStatement()) {
            try (ResultSet rs = progress.query(s, sql, "reading")) {
                rs.next();
                int k = 1;
                for (Source.SourceColumn c : src.columns()) {
                    long nonNull = rs.getLong(k++);
                    LogicalType type;
                    if (c.isText()) {
                        long ints = rs.getLong(k++);
                        long nums = rs.getLong(k++);
                        long bools = rs.getLong(k++);
                        long times = rs.getLong(k++);
                        long distinct = rs.getLong(k++);
                        type = textType(nonNull, ints, nums, bools, times, distinct);
                    } else {
                        type = typedKind(c.duckType());
                    }
                    out.add(
                            new Inferred(
                                    c,
                                    Optional.ofNullable(overrides.get(c.name())).orElse(type),
                                    nonNull));
                }
            }
        } catch (SQLException e) {
            throw DuckErrors.unreadable(src.file(), src.format(), e);
        }
        for (Inferred i : out) {
            if (overrides.containsKey(i.column().name())) {
                checkOverride(duck, src, i);
            }
        }
        return out;
    }

    /**
     * The text columns whose first rows hold a date or time: only these pay for the full timestamp
     * check, which is the costliest part of the scan.
     */
    private static java.util.Set<String> dateLike(DuckSession duck, Source src) {
        List<Source.SourceColumn> text =
                src.columns().stream().filter(Source.SourceColumn::isText).toList();
        java.util.Set<String> out = new java.util.HashSet<>();
        if (text.isEmpty()) {
            return out;
        }
        List<String> aggs = new ArrayList<>();
        for (Source.SourceColumn c : text) {
            aggs.add("count(TRY_CAST(%s AS TIMESTAMP))".formatted(Sql.id(c.name())));
        }
        String sql =
                "SELECT "
                        + String.join(", ", aggs)
                        + " FROM (SELECT * FROM "
                        + src.relation()
                        + " LIMIT 1000)";
        try (Statement s = duck.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            for (int i = 0; i < text.size(); i++) {
                if (rs.getLong(i + 1) > 0) {
                    out.add(text.get(i).name());
                }
            }
        } catch (SQLException e) {
            throw DuckErrors.unreadable(src.file(), src.format(), e);
        }
        return out;
    }

    static LogicalType textType(
            long nonNull, long ints, long nums, long bools, long times, long distinct) {
        if (nonNull == 0) {
            return LogicalType.TEXT;
        }
        if (ints == nonNull) {
            return LogicalType.INTEGER;
        }
        if (nums == nonNull) {
            return LogicalType.NUMERIC;
        }
        if (bools == nonNull) {
            return LogicalType.BOOLEAN;
        }
        if (times == nonNull) {
            return LogicalType.TIMESTAMP;
        }
        if (distinct <= MAX_CATEGORIES
                && (distinct <= ALWAYS_CATEGORICAL || distinct * 2 <= nonNull)) {
            return LogicalType.CATEGORICAL;
        }
        return LogicalType.TEXT;
    }

    private static LogicalType typedKind(String duckType) {
        if (duckType.equals("BOOLEAN")) {
            return LogicalType.BOOLEAN;
        }
        if (duckType.startsWith("DATE") || duckType.startsWith("TIMESTAMP")) {
            return LogicalType.TIMESTAMP;
        }
        if (duckType.equals("FLOAT")
                || duckType.equals("DOUBLE")
                || duckType.startsWith("DECIMAL")) {
            return LogicalType.NUMERIC;
        }
        return LogicalType.INTEGER;
    }

    /** The DuckDB type a logical type is stored as in a snapshot. */
    static String storageType(LogicalType type) {
        return switch (type) {
            case NUMERIC -> "DOUBLE";
            case INTEGER -> "BIGINT";
            case CATEGORICAL, TEXT -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /** The expression that converts a source column to its logical type's storage type. */
    static String cast(Inferred i) {
        String v = Sql.id(i.column().name());
        String type = storageType(i.type());
        if (i.column().duckType().equals(type)) {
            return v;
        }
        return "CAST(" + v + " AS " + type + ")";
    }

    private static void checkOverride(DuckSession duck, Source src, Inferred i) {
        String v = Sql.id(i.column().name());
        String type = storageType(i.type());
        String misfit =
                i.type() == LogicalType.INTEGER
                        ? "(TRY_CAST(%1$s AS BIGINT) IS NULL OR TRY_CAST(%1$s AS DOUBLE) <> TRY_CAST(%1$s AS BIGINT))"
                                .formatted(v)
                        : "TRY_CAST(%s AS %s) IS NULL".formatted(v, type);
        String sql =
                "SELECT n, CAST(%s AS VARCHAR) FROM (SELECT row_number() OVER () - 1 AS n, %s FROM %s) WHERE %s IS NOT NULL AND %s LIMIT 3"
                        .formatted(v, v, src.relation(), v, misfit);
        List<String> examples = new ArrayList<>();
        try (Statement s = duck.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                examples.add("'" + rs.getString(2) + "' (" + src.rowLabel(rs.getLong(1)) + ")");
            }
        } catch (SQLException e) {
            throw DuckErrors.unreadable(src.file(), src.format(), e);
        }
        if (!examples.isEmpty()) {
            throw InvalidInputException.at(
                    src.file().toString(),
                    0,
                    Optional.of(i.column().name()),
                    "%s: --type %s=%s does not fit the column's values, e.g. %s; choose another type or fix the values"
                            .formatted(
                                    src.file(),
                                    i.column().name(),
                                    i.type().label(),
                                    String.join(", ", examples)),
                    null);
        }
    }
}
