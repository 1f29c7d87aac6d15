package dev.slipway.data;

import dev.slipway.api.StoreException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.data.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Computes the {@link Profile} of a DuckDB relation with aggregate queries; no row is loaded into
 * the Java heap, and nothing is set on the connection.
 *
 * <p>One query computes every column's counts, min and max. Then one query per numeric, integer and
 * timestamp column computes its exact quantiles, exact distinct count, histogram, and the sums of
 * {@code u} and {@code u²}, where {@code u = (x - c) * 2^-e} is a value's distance from the
 * midpoint {@code c} of its range in units of {@code 2^e}, the largest power of two not above the
 * half-range, rounded to whole numbers of 2^-61 and 2^-60 and summed exactly as 128-bit integers:
 * the mean and standard deviation then do not depend on the order in which DuckDB's threads add
 * values up (the same data always gives the same profile), and are as accurate as a two-pass
 * computation. One query per column is faster than one query for all columns: DuckDB reads only
 * that column, and its distinct-value table and quantile buffer stay small. A last query groups
 * each categorical, boolean and text column by value, for its most frequent values and distinct
 * count.
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
     * Profiles {@code relation}, a table name or a table function such as {@code
     * read_parquet('/path/x.parquet')}, whose columns are named as in {@code schema} and have the
     * DuckDB types of their logical types (DOUBLE, BIGINT, VARCHAR, BOOLEAN, TIMESTAMP).
     *
     * @throws IllegalArgumentException when a column is missing or has another type
     * @throws StoreException when DuckDB fails to read the relation
     */
    static Profile compute(Connection duckdb, String relation, Schema schema) {
        return compute(duckdb, relation, schema, BINS);
    }

    /** As {@link #compute(Connection, String, Schema)}, with {@code bins} histogram bins. */
    static Profile compute(Connection duckdb, String relation, Schema schema, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        try {
            requireColumns(duckdb, relation, schema);
            Map<String, Bounds> bounds = new HashMap<>();
            long rows = bounds(duckdb, relation, schema, bounds);
            Map<String, Frequent> frequent = frequent(duckdb, relation, schema);
            List<ColumnProfile> columns = new ArrayList<>();
            for (Field f : schema.fields()) {
                Bounds b = bounds.get(f.name());
                columns.add(
                        switch (f.type()) {
                            case NUMERIC, INTEGER, TIMESTAMP ->
                                    numbers(duckdb, relation, f, rows, b, bins);
                            case CATEGORICAL, BOOLEAN, TEXT -> {
                                Frequent top = frequent.get(f.name());
                                yield new ColumnProfile(
                                        f.name(),
                                        f.type(),
                                        b.count(),
                                        rows - b.count(),
                                        top.distinct(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        top.values(),
                                        Optional.empty());
                            }
                        });
            }
            return new Profile(rows, columns);
        } catch (SQLException e) {
            throw new StoreException(
                    "DuckDB could not profile %s: %s; check that the data exists and is readable, and that DuckDB has enough memory"
                            .formatted(relation, e.getMessage()),
                    e);
        }
    }

    /**
     * A column's counts, and its finite min and max (epoch seconds for timestamps); DuckDB's
     * infinite timestamps count as non-finite.
     */
    private record Bounds(
            long count, long nonFinite, double min, double max, Optional<TimeSummary> time) {
        long finite() {
            return count - nonFinite;
        }
    }

    /** The most frequent values of a column, and its number of distinct values. */
    private record Frequent(List<Category> values, long distinct) {}

    private static long bounds(
            Connection duckdb, String relation, Schema schema, Map<String, Bounds> out)
            throws SQLException {
        List<String> select = new ArrayList<>(List.of("count(*)"));
        for (Field f : schema.fields()) {
            String template =
                    switch (f.type()) {
                        case NUMERIC ->
                                "count(%1$s), count(%1$s) FILTER (WHERE NOT isfinite(%1$s)),"
                                        + " min(%1$s) FILTER (WHERE isfinite(%1$s)), max(%1$s) FILTER (WHERE isfinite(%1$s))";
                        case INTEGER -> "count(%1$s), 0, min(%1$s), max(%1$s)";
                        case TIMESTAMP ->
                                "count(%1$s), count(%1$s) FILTER (WHERE NOT isfinite(%1$s)),"
                                        + " epoch_us(min(%1$s) FILTER (WHERE isfinite(%1$s))),"
                                        + " epoch_us(max(%1$s) FILTER (WHERE isfinite(%1$s)))";
                        case CATEGORICAL, BOOLEAN, TEXT -> "count(%1$s), 0, NULL, NULL";
                    };
            select.add(template.formatted(Sql.id(f.name())));
        }
        try (Statement st = duckdb.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT " + String.join(", ", select) + " FROM " + relation)) {
            rs.next();
            int i = 2;
            for (Field f : schema.fields()) {
                long count = rs.getLong(i);
                double min = doubleOrNaN(rs, i + 2);
                double max = doubleOrNaN(rs, i + 3);
                Optional<TimeSummary> time = Optional.empty();
                if (f.type() == LogicalType.TIMESTAMP && count > rs.getLong(i + 1)) {
                    long from = rs.getLong(i + 2);
                    long to = rs.getLong(i + 3);
                    time = Optional.of(new TimeSummary(dateTime(from), dateTime(to)));
                    min = (double) from / 1_000_000;
                    max = (double) to / 1_000_000;
                }
                out.put(f.name(), new Bounds(count, rs.getLong(i + 1), min, max, time));
                i += 4;
            }
            return rs.getLong(1);
        }
    }

    /**
     * The profile of a numeric, integer or timestamp column, from one query over x, the column's
     * finite values as doubles (epoch seconds for timestamps). Bin numbers f follow NumPy: {@code
     * floor((x - lo) / span * bins)}, at most the last bin, then one down when x is below the bin's
     * lower edge or one up when x is not below the next edge, edges being computed as NumPy does,
     * {@code f * (span / bins) + lo}.
     */
    private static ColumnProfile numbers(
            Connection duckdb, String relation, Field f, long rows, Bounds b, int bins)
            throws SQLException {
        boolean time = f.type() == LogicalType.TIMESTAMP;
        List<Quantile> quantiles = new ArrayList<>();
        long distinct = 0;
        Optional<Histogram> histogram = Optional.empty();
        double lo = b.min();
        double hi = b.max();
        double mean = b.finite() > 0 ? lo : Double.NaN;
        double std = b.finite() > 1 ? 0 : Double.NaN;
        if (b.finite() > 0 && lo == hi) {
            histogram = Optional.of(new Histogram(List.of(lo, hi), List.of(b.finite())));
        }
        if (b.count() > 0) {
            String id = Sql.id(f.name());
            String x = time ? "CAST(epoch_us(%s) AS DOUBLE) / 1000000" : "CAST(%s AS DOUBLE)";
            String from =
                    "(SELECT %s AS raw, CASE WHEN isfinite(%s) THEN %2$s END AS x FROM %s)"
                            .formatted(id, x.formatted(id), relation);
            String sums = "NULL, NULL, NULL";
            boolean spread = lo < hi;
            double c = lo / 2 + hi / 2;
            int e = Math.getExponent(Math.max(hi - c, c - lo));
            if (spread) {
                String bin = "NULL";
                if (Double.isFinite(hi - lo)) {
                    bin =
                            "least(CAST(floor((x - %s) / %s * %d) AS BIGINT), %d)"
                                    .formatted(literal(lo), literal(hi - lo), bins, bins - 1);
                }
                String edge = "%s * " + literal((hi - lo) / bins) + " + " + literal(lo);
                from =
                        ("(SELECT raw, x, u, CASE WHEN x < %s THEN f - 1 WHEN f < %d AND x >= %s THEN f + 1"
                                        + " ELSE f END AS b FROM (SELECT raw, x, (x - %s) * %s AS u,"
                                        + " CASE WHEN x IS NOT NULL THEN %s END AS f FROM %s))")
                                .formatted(
                                        edge.formatted("f"),
                                        bins - 1,
                                        edge.formatted("(f + 1)"),
                                        literal(c),
                                        literal(Math.scalb(1.0, -e)),
                                        bin,
                                        from);
                sums =
                        ("histogram(b), CAST(sum(CAST(round(u * %s) AS BIGINT)) AS VARCHAR),"
                                        + " CAST(sum(CAST(round(u * u * %s) AS BIGINT)) AS VARCHAR)")
                                .formatted(literal(0x1p61), literal(0x1p60));
            }
            String ps =
                    PROBABILITIES.stream().map(String::valueOf).collect(Collectors.joining(", "));
            String select =
                    (time ? "NULL" : "quantile_cont(x, [%s])".formatted(ps))
                            + ", count(DISTINCT raw), "
                            + sums;
            try (Statement st = duckdb.createStatement();
                    ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + from)) {
                rs.next();
                Array array = rs.getArray(1);
                Object[] values = array == null ? new Object[0] : (Object[]) array.getArray();
                for (int q = 0; q < values.length; q++) {
                    double v = ((Number) values[q]).doubleValue();
                    quantiles.add(new Quantile(PROBABILITIES.get(q), v));
                }
                distinct = rs.getLong(2);
                if (spread) {
                    histogram = histogram(lo, hi, bins, (Map<?, ?>) rs.getObject(3));
                    BigInteger s1 = new BigInteger(rs.getString(4));
                    BigInteger s2 = new BigInteger(rs.getString(5));
                    BigInteger n = BigInteger.valueOf(b.finite());
                    mean = c + Math.scalb(ratio(s1, n), e - 61);
                    // n * (n - 1) * variance = 2^(2e - 122) * (n * s2 * 2^62 - s1^2)
                    BigInteger squares = n.multiply(s2).shiftLeft(62).subtract(s1.multiply(s1));
                    BigInteger pairs = n.multiply(n.subtract(BigInteger.ONE));
                    double scaled = ratio(squares.max(BigInteger.ZERO), pairs);
                    std = Math.scalb(Math.sqrt(scaled), e - 61);
                }
            }
        }
        Optional<NumericSummary> numeric = Optional.empty();
        if (!time && b.count() > 0) {
            numeric = Optional.of(new NumericSummary(lo, hi, mean, std, quantiles, b.nonFinite()));
        }
        return new ColumnProfile(
                f.name(),
                f.type(),
                b.count(),
                rows - b.count(),
                distinct,
                numeric,
                b.time(),
                List.of(),
                histogram);
    }

    private static Optional<Histogram> histogram(double lo, double hi, int bins, Map<?, ?> found) {
        if (!Double.isFinite(hi - lo)) {
            return Optional.empty();
        }
        double step = (hi - lo) / bins;
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            edges.add(i * step + lo);
        }
        edges.add(hi);
        Long[] counts = new Long[bins];
        Arrays.fill(counts, 0L);
        found.forEach((bin, n) -> counts[((Number) bin).intValue()] = ((Number) n).longValue());
        return Optional.of(new Histogram(edges, List.of(counts)));
    }

    /** The {@link #TOP} most frequent values and the number of values of each column. */
    private static Map<String, Frequent> frequent(Connection duckdb, String relation, Schema schema)
            throws SQLException {
        List<String> branches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Field f : schema.fields()) {
            switch (f.type()) {
                case CATEGORICAL, BOOLEAN, TEXT -> {
                    branches.add(
                            ("(SELECT %d AS k, v, n, count(*) OVER () AS d FROM (SELECT CAST(%s AS VARCHAR) AS v,"
                                            + " count(*) AS n FROM %s WHERE %2$s IS NOT NULL GROUP BY 1)"
                                            + " ORDER BY n DESC, v LIMIT %d)")
                                    .formatted(names.size(), Sql.id(f.name()), relation, TOP));
                    names.add(f.name());
                }
                case NUMERIC, INTEGER, TIMESTAMP -> {}
            }
        }
        Map<String, Frequent> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        List<List<Category>> tops = new ArrayList<>();
        long[] distinct = new long[names.size()];
        names.forEach(n -> tops.add(new ArrayList<>()));
        try (Statement st = duckdb.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT k, v, n, d FROM (%s) ORDER BY k, n DESC, v"
                                        .formatted(String.join(" UNION ALL ", branches)))) {
            while (rs.next()) {
                int k = rs.getInt(1);
                tops.get(k).add(new Category(rs.getString(2), rs.getLong(3)));
                distinct[k] = rs.getLong(4);
            }
        }
        for (int k = 0; k < names.size(); k++) {
            out.put(names.get(k), new Frequent(tops.get(k), distinct[k]));
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
            String expected = duckdbType(f.type());
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

    /** The DuckDB type a column of logical type {@code type} is stored as. */
    static String duckdbType(LogicalType type) {
        return switch (type) {
            case NUMERIC -> "DOUBLE";
            case INTEGER -> "BIGINT";
            case CATEGORICAL, TEXT -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /** {@code value} as a DuckDB DOUBLE literal that reads back as exactly the same double. */
    private static String literal(double value) {
        return "CAST('" + value + "' AS DOUBLE)";
    }

    /** {@code a / b} as a double. */
    private static double ratio(BigInteger a, BigInteger b) {
        return new BigDecimal(a).divide(new BigDecimal(b), MathContext.DECIMAL128).doubleValue();
    }

    private static double doubleOrNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static LocalDateTime dateTime(long epochMicros) {
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(epochMicros, 1_000_000L),
                (int) Math.floorMod(epochMicros, 1_000_000L) * 1000,
                ZoneOffset.UTC);
    }
}
