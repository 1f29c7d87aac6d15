package dev.slipway.data;

import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The profile of a numeric, integer or timestamp column, from one scan that counts each distinct
 * value into a temporary table; every statistic is then computed from that table, weighted by the
 * counts, and is exactly what the same computation over the rows would give.
 *
 * <p>Statistics are over x, the column's finite values as doubles (epoch seconds for timestamps):
 * exact quantiles ({@link Ranks}); a histogram whose bin numbers f follow NumPy: {@code floor((x -
 * lo) / span * bins)}, at most the last bin, then one down when x is below the bin's lower edge or
 * one up when x is not below the next edge, edges being computed as NumPy does, {@code f * (span /
 * bins) + lo}; and the sums of {@code u} and {@code u²}, where {@code u = (x - c) * 2^-e} is a
 * value's distance from the midpoint {@code c} of its range in units of {@code 2^e}, the largest
 * power of two not above the half-range, rounded to whole numbers of 2^-61 and 2^-60 and summed
 * exactly as 128-bit integers: the mean and standard deviation then do not depend on the order in
 * which DuckDB's threads add values up, and are as accurate as a two-pass computation.
 *
 * <p>DuckDB groups 0.0 and -0.0 together and keeps whichever it meets first; the group is made 0.0
 * unless every zero is -0.0, so that the minimum, maximum and quantiles do not depend on it.
 */
final class Numbers {

    /** The temporary table of distinct values ({@code raw}) and their counts ({@code n}). */
    private static final String TABLE = Sql.id("slipway_profile_values");

    private Numbers() {}

    /**
     * A column's counts, and its finite min and max (epoch seconds for timestamps); DuckDB's
     * infinite timestamps count as non-finite.
     *
     * @param distinct the number of distinct values
     * @param finiteDistinct the number of distinct finite values
     */
    private record Bounds(
            long distinct,
            long finiteDistinct,
            long count,
            long nonFinite,
            double min,
            double max,
            Optional<TimeSummary> time) {
        long finite() {
            return count - nonFinite;
        }
    }

    /**
     * Profiles column {@code f} of {@code relation}, which has {@code rows} rows.
     *
     * @param bins the number of histogram bins
     */
    static ColumnProfile profile(Connection duckdb, String relation, Field f, long rows, int bins)
            throws SQLException {
        String id = Sql.id(f.name());
        try (ValueCounts counts = ValueCounts.create(duckdb, relation, id);
                Statement st = duckdb.createStatement()) {
            String table = counts.table();
            if (f.type() == LogicalType.NUMERIC) {
                signZero(st, table, relation, id);
            }
            return profile(st, table, f, rows, bounds(st, table, f.type()), bins);
        }
    }

    /** The temporary table of a column's distinct values and their counts, dropped on close. */
    private static final class ValueCounts implements AutoCloseable {
        private final Connection duckdb;

        private ValueCounts(Connection duckdb) {
            this.duckdb = duckdb;
        }

        static ValueCounts create(Connection duckdb, String relation, String id)
                throws SQLException {
            try (Statement st = duckdb.createStatement()) {
                st.execute(
                        "CREATE OR REPLACE TEMP TABLE %s AS SELECT %s AS raw, count(*) AS n FROM %s WHERE %2$s IS NOT NULL GROUP BY 1"
                                .formatted(TABLE, id, relation));
            }
            return new ValueCounts(duckdb);
        }

        String table() {
            return TABLE;
        }

        @Override
        public void close() throws SQLException {
            try (Statement st = duckdb.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }

    /**
     * Makes the zero group 0.0 when it is -0.0 but the column also holds 0.0 (by replacing the row:
     * DuckDB does not update a value to one it compares equal to).
     */
    private static void signZero(Statement st, String table, String relation, String id)
            throws SQLException {
        String negative =
                "SELECT count(*), sum(n) FROM %s WHERE raw = 0 AND signbit(raw)".formatted(table);
        String positive =
                "SELECT count(*) FROM (SELECT %s AS z FROM %s WHERE %1$s = 0 AND NOT signbit(%1$s) LIMIT 1)"
                        .formatted(id, relation);
        long zeros;
        try (ResultSet rs = st.executeQuery(negative)) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return;
            }
            zeros = rs.getLong(2);
        }
        if (count(st, positive) > 0) {
            st.execute("DELETE FROM %s WHERE raw = 0".formatted(table));
            st.execute("INSERT INTO %s VALUES (CAST(0 AS DOUBLE), %d)".formatted(table, zeros));
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Bounds bounds(Statement st, String table, LogicalType type) throws SQLException {
        String range =
                switch (type) {
                    case NUMERIC ->
                            "CAST(sum(n) FILTER (WHERE NOT isfinite(raw)) AS BIGINT), min(raw) FILTER (WHERE isfinite(raw)),"
                                    + " max(raw) FILTER (WHERE isfinite(raw))";
                    case INTEGER -> "0, min(raw), max(raw)";
                    case TIMESTAMP ->
                            "CAST(sum(n) FILTER (WHERE NOT isfinite(raw)) AS BIGINT),"
                                    + " epoch_us(min(raw) FILTER (WHERE isfinite(raw))),"
                                    + " epoch_us(max(raw) FILTER (WHERE isfinite(raw)))";
                    case CATEGORICAL, BOOLEAN, TEXT ->
                            throw new IllegalArgumentException(
                                    "a %s column has no numeric profile".formatted(type.label()));
                };
        try (ResultSet rs =
                st.executeQuery(
                        "SELECT count(*), count(*) FILTER (WHERE isfinite(raw)), CAST(sum(n) AS BIGINT), %s FROM %s"
                                .formatted(range, table))) {
            rs.next();
            long count = rs.getLong(3);
            long nonFinite = rs.getLong(4);
            double min = doubleOrNaN(rs, 5);
            double max = doubleOrNaN(rs, 6);
            Optional<TimeSummary> time = Optional.empty();
            if (type == LogicalType.TIMESTAMP && count > nonFinite) {
                long from = rs.getLong(5);
                long to = rs.getLong(6);
                time = Optional.of(new TimeSummary(dateTime(from), dateTime(to)));
                min = (double) from / 1_000_000;
                max = (double) to / 1_000_000;
            }
            return new Bounds(rs.getLong(1), rs.getLong(2), count, nonFinite, min, max, time);
        }
    }

    private static ColumnProfile profile(
            Statement st, String table, Field f, long rows, Bounds b, int bins)
            throws SQLException {
        boolean time = f.type() == LogicalType.TIMESTAMP;
        String x = time ? "CAST(epoch_us(raw) AS DOUBLE) / 1000000" : "CAST(raw AS DOUBLE)";
        String values = "SELECT %s AS x, n FROM %s WHERE isfinite(raw)".formatted(x, table);
        List<Quantile> quantiles = List.of();
        Optional<Histogram> histogram = Optional.empty();
        double lo = b.min();
        double hi = b.max();
        double mean = b.finite() > 0 ? lo : Double.NaN;
        double std = b.finite() > 1 ? 0 : Double.NaN;
        if (b.finite() > 0 && !time) {
            quantiles =
                    new Ranks(st, values)
                            .quantiles(
                                    Profiler.PROBABILITIES, b.finite(), lo, hi, b.finiteDistinct());
        }
        if (b.finite() > 0 && lo == hi) {
            histogram = Optional.of(new Histogram(List.of(lo, hi), List.of(b.finite())));
        }
        if (b.finite() > 0 && lo < hi) {
            double c = lo / 2 + hi / 2;
            int e = Math.getExponent(Math.max(hi - c, c - lo));
            Sums s = sums(st, values, lo, hi, c, e, bins);
            histogram = s.histogram();
            BigInteger n = BigInteger.valueOf(b.finite());
            mean = c + Math.scalb(ratio(s.s1(), n), e - 61);
            // n * (n - 1) * variance = 2^(2e - 122) * (n * s2 * 2^62 - s1^2)
            BigInteger squares = n.multiply(s.s2()).shiftLeft(62).subtract(s.s1().multiply(s.s1()));
            BigInteger pairs = n.multiply(n.subtract(BigInteger.ONE));
            double scaled = ratio(squares.max(BigInteger.ZERO), pairs);
            std = Math.scalb(Math.sqrt(scaled), e - 61);
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
                b.distinct(),
                numeric,
                b.time(),
                List.of(),
                histogram);
    }

    /** The histogram of the finite values, when their range is finite, and the sums of u and u². */
    private record Sums(Optional<Histogram> histogram, BigInteger s1, BigInteger s2) {}

    /**
     * One query over the distinct values: per bin, the count and the sums of u and u². Values are
     * first summed per bin and count, as 64-bit integers, and only those sums are multiplied by
     * their count as 128-bit integers, which is cheaper when there are many values.
     */
    private static Sums sums(
            Statement st, String values, double lo, double hi, double c, int e, int bins)
            throws SQLException {
        boolean finiteSpan = Double.isFinite(hi - lo);
        String bin = "NULL";
        if (finiteSpan) {
            bin =
                    "least(CAST(floor((x - %s) / %s * %d) AS BIGINT), %d)"
                            .formatted(Sql.dbl(lo), Sql.dbl(hi - lo), bins, bins - 1);
        }
        String edge = "%s * " + Sql.dbl((hi - lo) / bins) + " + " + Sql.dbl(lo);
        String sql =
                ("SELECT b, CAST(sum(k * n) AS BIGINT), CAST(sum(s1 * n) AS VARCHAR),"
                                + " CAST(sum(s2 * n) AS VARCHAR) FROM (SELECT b, n, count(*) AS k,"
                                + " sum(CAST(round(u * %s) AS BIGINT)) AS s1,"
                                + " sum(CAST(round(u * u * %s) AS BIGINT)) AS s2"
                                + " FROM (SELECT n, u, CASE WHEN x < %s THEN f - 1 WHEN f < %d AND x >= %s"
                                + " THEN f + 1 ELSE f END AS b FROM (SELECT x, n, (x - %s) * %s AS u,"
                                + " %s AS f FROM (%s))) GROUP BY b, n) GROUP BY b")
                        .formatted(
                                Sql.dbl(0x1p61),
                                Sql.dbl(0x1p60),
                                edge.formatted("f"),
                                bins - 1,
                                edge.formatted("(f + 1)"),
                                Sql.dbl(c),
                                Sql.dbl(Math.scalb(1.0, -e)),
                                bin,
                                values);
        long[] counts = new long[bins];
        BigInteger s1 = BigInteger.ZERO;
        BigInteger s2 = BigInteger.ZERO;
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int b = rs.getInt(1);
                if (!rs.wasNull()) {
                    counts[b] = rs.getLong(2);
                }
                s1 = s1.add(new BigInteger(rs.getString(3)));
                s2 = s2.add(new BigInteger(rs.getString(4)));
            }
        }
        Optional<Histogram> histogram = Optional.empty();
        if (finiteSpan) {
            double step = (hi - lo) / bins;
            List<Double> edges = new ArrayList<>();
            for (int i = 0; i < bins; i++) {
                edges.add(i * step + lo);
            }
            edges.add(hi);
            List<Long> found = new ArrayList<>();
            for (long n : counts) {
                found.add(n);
            }
            histogram = Optional.of(new Histogram(edges, found));
        }
        return new Sums(histogram, s1, s2);
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
