package dev.slipway.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the values at given ranks among a column's values, from a table of its distinct values with
 * their counts: the value at rank {@code r} (counted from 0 in ascending order) is the smallest
 * value whose cumulative count is above {@code r}, so the result is the same as sorting every row.
 *
 * <p>Sorting the distinct values is cheap when there are few, but costs as much as sorting the rows
 * when nearly every value is distinct. So when there are more than {@link #SORT_LIMIT}, they are
 * first counted in {@link #BUCKETS} equal-width buckets; a bucket number is a non-decreasing
 * function of the value, so the cumulative counts of the buckets tell which bucket holds each rank
 * and at which rank within it, and only the buckets holding a wanted rank are sorted.
 */
final class Ranks {

    /** How many equal-width buckets the values are split into when there are many. */
    static final int BUCKETS = 1024;

    /** The most distinct values that are sorted without being split into buckets first. */
    static final long SORT_LIMIT = 50_000;

    private final Statement st;
    private final String values;

    /**
     * @param st runs the queries
     * @param values a subquery with columns {@code x}, a value as a non-null DOUBLE, and {@code n},
     *     how many times it occurs; one row per value, except that distinct source values may give
     *     the same {@code x}
     */
    Ranks(Statement st, String values) {
        this.st = st;
        this.values = values;
    }

    /**
     * The quantiles at probabilities {@code ps} of the {@code count} values, interpolated as
     * DuckDB's {@code quantile_cont} does: at {@code h = (count - 1) * p}, {@code lo * (1 - d) + hi
     * * d} where {@code lo} and {@code hi} are the values at ranks {@code floor(h)} and {@code
     * ceil(h)} and {@code d = h - floor(h)}, or the value at rank {@code h} when it is whole.
     *
     * @param min the smallest value
     * @param max the largest value
     * @param distinct the number of rows of {@code values}
     */
    List<Quantile> quantiles(List<Double> ps, long count, double min, double max, long distinct)
            throws SQLException {
        TreeSet<Long> wanted = new TreeSet<>();
        for (double p : ps) {
            double h = (double) (count - 1) * p;
            wanted.add((long) Math.floor(h));
            wanted.add((long) Math.ceil(h));
        }
        Map<Long, Double> at = at(wanted, min, max, distinct);
        List<Quantile> out = new ArrayList<>();
        for (double p : ps) {
            double h = (double) (count - 1) * p;
            long floor = (long) Math.floor(h);
            long ceil = (long) Math.ceil(h);
            double lo = at.get(floor);
            double d = h - floor;
            out.add(new Quantile(p, floor == ceil ? lo : lo * (1.0 - d) + at.get(ceil) * d));
        }
        return out;
    }

    /** The value at each of {@code ranks}. */
    private Map<Long, Double> at(TreeSet<Long> ranks, double min, double max, long distinct)
            throws SQLException {
        Map<Long, Double> out = new HashMap<>();
        if (min == max) {
            ranks.forEach(r -> out.put(r, min));
            return out;
        }
        double width = max - min;
        boolean split = distinct > SORT_LIMIT && Double.isFinite(width);
        String bucket = "0";
        if (split) {
            bucket =
                    "least(CAST(floor((x - %s) / %s * %d) AS BIGINT), %d)"
                            .formatted(Sql.dbl(min), Sql.dbl(width), BUCKETS, BUCKETS - 1);
        }
        // bucket -> (rank within the bucket -> rank)
        TreeMap<Long, Map<Long, Long>> local = new TreeMap<>();
        if (split) {
            String sql =
                    "SELECT q, CAST(sum(n) AS BIGINT) FROM (SELECT %s AS q, n FROM (%s)) GROUP BY q ORDER BY q"
                            .formatted(bucket, values);
            try (ResultSet rs = st.executeQuery(sql)) {
                long below = 0;
                while (rs.next()) {
                    long q = rs.getLong(1);
                    long count = rs.getLong(2);
                    for (long r : ranks.subSet(below, below + count)) {
                        local.computeIfAbsent(q, k -> new TreeMap<>()).put(r - below, r);
                    }
                    below += count;
                }
            }
        } else {
            Map<Long, Long> all = new TreeMap<>();
            ranks.forEach(r -> all.put(r, r));
            local.put(0L, all);
        }
        List<String> picks = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        local.forEach(
                (q, byLocal) ->
                        byLocal.forEach(
                                (r, rank) -> {
                                    picks.add(
                                            "min(x) FILTER (WHERE q = %d AND upto > %d)"
                                                    .formatted(q, r));
                                    order.add(rank);
                                }));
        String buckets =
                local.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String keep = split ? " WHERE q IN (%s)".formatted(buckets) : "";
        String sql =
                ("SELECT %s FROM (SELECT x, q, sum(n) OVER (PARTITION BY q ORDER BY x"
                                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto"
                                + " FROM (SELECT x, n, %s AS q FROM (%s))%s)")
                        .formatted(String.join(", ", picks), bucket, values, keep);
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            for (int i = 0; i < order.size(); i++) {
                out.put(order.get(i), rs.getDouble(i + 1));
            }
        }
        return out;
    }
}
