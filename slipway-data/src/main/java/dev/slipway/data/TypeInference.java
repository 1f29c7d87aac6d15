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
 * Chooses each column's logical type from all of its values.
 *
 * <p>Text columns: INTEGER when every non-null value is a whole number ({@code [+-]?[0-9]+}), else
 * NUMERIC when every value parses as a number, else BOOLEAN when every value is {@code true}/{@code
 * false} (any case), else TIMESTAMP when every value parses as a date or date-time (ISO 8601, or
 * one layout of {@link #TIME_FORMATS} for all values), else CATEGORICAL when there are at most
 * {@value #MAX_CATEGORIES} distinct values and either at most {@value #ALWAYS_CATEGORICAL} or at
 * most half as many as non-null values, else TEXT. A column with no value is TEXT. Typed columns
 * (Parquet, JSON) keep their type's logical kind. A user's {@code --type} wins, after checking that
 * every value fits it.
 */
final class TypeInference {

    static final int MAX_CATEGORIES = 1000;
    static final int ALWAYS_CATEGORICAL = 20;

    /**
     * A column's chosen type, how many non-null values it has, and for a timestamp column written
     * in a layout other than ISO 8601, that layout (a DuckDB strptime format).
     */
    record Inferred(
            Source.SourceColumn column,
            LogicalType type,
            long nonNull,
            Optional<String> timeFormat) {}

    /**
     * Date layouts recognised besides ISO 8601, in order of preference: when several read every
     * value (e.g. 1/2/2011 reads as month first and as day first), the first wins; override with
     * --type col=text to keep the text.
     */
    static final List<String> TIME_FORMATS =
            List.of(
                    "%m/%d/%Y",
                    "%m/%d/%Y %H:%M",
                    "%m/%d/%Y %H:%M:%S",
                    "%d/%m/%Y",
                    "%d/%m/%Y %H:%M",
                    "%d/%m/%Y %H:%M:%S",
                    "%d.%m.%Y",
                    "%d.%m.%Y %H:%M",
                    "%Y/%m/%d",
                    "%Y/%m/%d %H:%M:%S");

    private TypeInference() {}

    /**
     * Infers the types of a staged source: {@code src}'s relation must be its rows staged in
     * Parquet and read with {@code file_row_number=true}, so that each column is read on its own
     * and examples name their rows.
     */
    static List<Inferred> infer(DuckSession duck, Source src, Map<String, LogicalType> overrides) {
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
        List<Inferred> out = new ArrayList<>();
        try (Statement s = duck.connection().createStatement()) {
            long[] typedCounts = typedNonNull(s, src);
            int t = 0;
            for (Source.SourceColumn c : src.columns()) {
                LogicalType type;
                long nonNull;
                Optional<String> format = Optional.empty();
                if (c.isText()) {
                    try (ResultSet rs = s.executeQuery(textStats(src, c))) {
                        rs.next();
                        nonNull = rs.getLong(1);
                        long times = rs.getLong(5);
                        for (int f = 0; f < TIME_FORMATS.size() && nonNull > 0; f++) {
                            if (times < nonNull && rs.getLong(7 + f) == nonNull) {
                                format = Optional.of(TIME_FORMATS.get(f));
                                times = nonNull;
                            }
                        }
                        type =
                                textType(
                                        nonNull,
                                        rs.getLong(2),
                                        rs.getLong(3),
                                        rs.getLong(4),
                                        times,
                                        rs.getLong(6));
                    }
                } else {
                    nonNull = typedCounts[t++];
                    type = typedKind(c.duckType());
                }
                LogicalType chosen = Optional.ofNullable(overrides.get(c.name())).orElse(type);
                out.add(
                        new Inferred(
                                c,
                                chosen,
                                nonNull,
                                chosen == LogicalType.TIMESTAMP ? format : Optional.empty()));
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
     * One text column's counts: non-null values, whole numbers, numbers, booleans, timestamps, and
     * distinct values. The tests run once per distinct value, weighted by its count, so a column of
     * a million rows and a few hundred values costs a few hundred parses.
     */
    private static String textStats(Source src, Source.SourceColumn c) {
        String weighted = "coalesce(sum(n) FILTER (WHERE %s), 0)";
        String isInt =
                "TRY_CAST(v AS BIGINT) IS NOT NULL AND NOT (contains(v, '.') OR contains(v, 'e') OR contains(v, 'E') OR contains(v, 'x') OR contains(v, '_'))";
        String isTime =
                "TRY_CAST(v AS TIMESTAMP) IS NOT NULL AND NOT regexp_full_match(v, '[0-9.eE+-]+')";
        List<String> aggs = new ArrayList<>();
        aggs.add("coalesce(sum(n), 0)");
        aggs.add(weighted.formatted(isInt));
        aggs.add(weighted.formatted("TRY_CAST(v AS DOUBLE) IS NOT NULL"));
        aggs.add(weighted.formatted("lower(v) IN ('true', 'false')"));
        aggs.add(weighted.formatted(isTime));
        aggs.add("count(v)");
        for (String f : TIME_FORMATS) {
            aggs.add(weighted.formatted("TRY_STRPTIME(v, " + Sql.str(f) + ") IS NOT NULL"));
        }
        String col = Sql.id(c.name());
        return "SELECT %s FROM (SELECT %s AS v, count(*) AS n FROM %s WHERE %s IS NOT NULL GROUP BY %s)"
                .formatted(String.join(", ", aggs), col, src.relation(), col, col);
    }

    /** The non-null counts of the typed (non-text) columns, in order, in one scan. */
    private static long[] typedNonNull(Statement s, Source src) throws SQLException {
        List<String> aggs = new ArrayList<>();
        for (Source.SourceColumn c : src.columns()) {
            if (!c.isText()) {
                aggs.add("count(" + Sql.id(c.name()) + ")");
            }
        }
        long[] out = new long[aggs.size()];
        if (aggs.isEmpty()) {
            return out;
        }
        try (ResultSet rs =
                s.executeQuery("SELECT " + String.join(", ", aggs) + " FROM " + src.relation())) {
            rs.next();
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
            }
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
        if (i.timeFormat().isPresent()) {
            return "strptime(" + v + ", " + Sql.str(i.timeFormat().get()) + ")";
        }
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
                        : i.timeFormat()
                                .map(f -> "TRY_STRPTIME(%s, %s) IS NULL".formatted(v, Sql.str(f)))
                                .orElse("TRY_CAST(%s AS %s) IS NULL".formatted(v, type));
        String sql =
                "SELECT file_row_number, CAST(%s AS VARCHAR) FROM %s WHERE %s IS NOT NULL AND %s ORDER BY file_row_number LIMIT 3"
                        .formatted(v, src.relation(), v, misfit);
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
