package dev.slipway.data;

import dev.slipway.api.StoreException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.data.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the {@link Profile} of a DuckDB relation with aggregate queries; no row is loaded into
 * the Java heap, and nothing is left on the connection.
 *
 * <p>Each numeric, integer and timestamp column is read once, to count its distinct values, and its
 * statistics are computed from those counts ({@link Numbers}): real columns have far fewer distinct
 * values than rows, so nothing is sorted or hashed per row beyond that one count. One query groups
 * each categorical, boolean and text column by value, for its counts, most frequent values and
 * distinct count, and keeps every category of the categorical columns for their domains. Every
 * number is exact and does not depend on how DuckDB's threads divide the work: the same data always
 * gives the same profile.
 */
final class Profiler {

    /** The number of histogram bins. */
    static final int BINS = 20;

    /** How many of the most frequent values are kept. */
    static final int TOP = 10;

    /** The probabilities of the quantiles, in order. */
    static final List<Double> PROBABILITIES = List.of(0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99);

    private Profiler() {}

    /**
     * A profile, with every category of each categorical column, most frequent first, ties in order
     * of value (the profile keeps only the {@link #TOP} first).
     */
    record Result(Profile profile, Map<String, List<Category>> categories) {
        Result {
            Objects.requireNonNull(profile, "profile");
            categories = Map.copyOf(categories);
        }
    }

    /**
     * Profiles {@code relation}, a table name or a table function such as {@code
     * read_parquet('/path/x.parquet')}, whose columns are named as in {@code schema} and have the
     * DuckDB types of their logical types (DOUBLE, BIGINT, VARCHAR, BOOLEAN, TIMESTAMP).
     *
     * @throws IllegalArgumentException when a column is missing or has another type
     * @throws StoreException when DuckDB fails to read the relation
     */
    static Result measure(Connection duckdb, String relation, Schema schema) {
        return measure(duckdb, relation, schema, BINS);
    }

    /** As {@link #measure(Connection, String, Schema)}, the profile only. */
    static Profile compute(Connection duckdb, String relation, Schema schema) {
        return measure(duckdb, relation, schema, BINS).profile();
    }

    /** As {@link #compute(Connection, String, Schema)}, with {@code bins} histogram bins. */
    static Profile compute(Connection duckdb, String relation, Schema schema, int bins) {
        return measure(duckdb, relation, schema, bins).profile();
    }

    private static Result measure(Connection duckdb, String relation, Schema schema, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        try {
            requireColumns(duckdb, relation, schema);
            long rows = rows(duckdb, relation);
            Map<String, Frequent> frequent = frequent(duckdb, relation, schema);
            List<ColumnProfile> columns = new ArrayList<>();
            Map<String, List<Category>> categories = new HashMap<>();
            for (Field f : schema.fields()) {
                columns.add(
                        switch (f.type()) {
                            case NUMERIC, INTEGER, TIMESTAMP ->
                                    Numbers.profile(duckdb, relation, f, rows, bins);
                            case CATEGORICAL, BOOLEAN, TEXT -> {
                                Frequent values =
                                        frequent.getOrDefault(
                                                f.name(), new Frequent(List.of(), 0, 0));
                                if (f.type() == LogicalType.CATEGORICAL) {
                                    categories.put(f.name(), values.values());
                                }
                                yield new ColumnProfile(
                                        f.name(),
                                        f.type(),
                                        values.count(),
                                        rows - values.count(),
                                        values.distinct(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        values.values()
                                                .subList(0, Math.min(TOP, values.values().size())),
                                        Optional.empty());
                            }
                        });
            }
            return new Result(new Profile(rows, columns), categories);
        } catch (SQLException e) {
            throw new StoreException(
                    "DuckDB could not profile %s: %s; check that the data exists and is readable, and that DuckDB has enough memory"
                            .formatted(relation, e.getMessage()),
                    e);
        }
    }

    private static long rows(Connection duckdb, String relation) throws SQLException {
        try (Statement st = duckdb.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + relation)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A column's values by decreasing count, ties in order of value: all of them for categorical
     * and boolean columns, the {@link #TOP} first for text; with its count of non-null values and
     * of distinct values.
     */
    private record Frequent(List<Category> values, long count, long distinct) {}

    /** The values of each categorical, boolean and text column, in one query. */
    private static Map<String, Frequent> frequent(Connection duckdb, String relation, Schema schema)
            throws SQLException {
        List<Field> grouped =
                schema.fields().stream()
                        .filter(
                                f ->
                                        switch (f.type()) {
                                            case CATEGORICAL, BOOLEAN, TEXT -> true;
                                            case NUMERIC, INTEGER, TIMESTAMP -> false;
                                        })
                        .toList();
        List<String> branches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Field f : grouped) {
            String cut = f.type() == LogicalType.TEXT ? " ORDER BY n DESC, v LIMIT " + TOP : "";
            branches.add(
                    ("(SELECT %d AS k, v, n, count(*) OVER () AS d, CAST(sum(n) OVER () AS BIGINT) AS c"
                                    + " FROM (SELECT CAST(%s AS VARCHAR) AS v, count(*) AS n FROM %s"
                                    + " WHERE %2$s IS NOT NULL GROUP BY 1)%s)")
                            .formatted(names.size(), Sql.id(f.name()), relation, cut));
            names.add(f.name());
        }
        Map<String, Frequent> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        List<List<Category>> values = new ArrayList<>();
        long[] counts = new long[names.size()];
        long[] distinct = new long[names.size()];
        names.forEach(n -> values.add(new ArrayList<>()));
        try (Statement st = duckdb.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT k, v, n, d, c FROM (%s) ORDER BY k, n DESC, v"
                                        .formatted(String.join(" UNION ALL ", branches)))) {
            while (rs.next()) {
                int k = rs.getInt(1);
                values.get(k).add(new Category(rs.getString(2), rs.getLong(3)));
                distinct[k] = rs.getLong(4);
                counts[k] = rs.getLong(5);
            }
        }
        for (int k = 0; k < names.size(); k++) {
            out.put(names.get(k), new Frequent(List.copyOf(values.get(k)), counts[k], distinct[k]));
        }
        return out;
    }

    private static void requireColumns(Connection duckdb, String relation, Schema schema)
            throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Statement st = duckdb.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Field f : schema.fields()) {
            String expected = TypeInference.storageType(f.type());
            String found = types.get(f.name());
            if (found == null) {
                problems.add("column '%s' is missing".formatted(f.name()));
            } else if (!found.equals(expected)) {
                problems.add(
                        "column '%s' is %s, but a %s column must be %s"
                                .formatted(f.name(), found, f.type().label(), expected));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "%s does not match the schema it is profiled with: %s (it has columns %s); profile it with the schema it was written with"
                            .formatted(relation, String.join("; ", problems), types.keySet()));
        }
    }
}
