package dev.slipway.monitor.outlier;

import static dev.slipway.monitor.log.DuckSql.id;
import static dev.slipway.monitor.log.DuckSql.str;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-row outlier scores of current data against a reference, computed by DuckDB.
 *
 * <p>The method: a numeric feature is <em>outside</em> when its value lies below the reference's
 * {@link OutlierOptions#lowerQuantile()} quantile or above its {@link
 * OutlierOptions#upperQuantile()} quantile (linear interpolation, as {@code quantile_cont}); a
 * categorical feature is outside when its value never occurs in the reference. A row's score is the
 * share of its non-missing features that are outside, from 0 (typical) to 1 (every feature
 * unusual); missing values count neither way. Simple, explainable per feature, and one scan of each
 * side: no model to train, nothing random.
 */
public final class Outliers {

    private Outliers() {}

    /**
     * Scores every row of {@code current} against {@code reference}.
     *
     * @param connection a DuckDB connection that can read both relations
     * @param reference the reference rows, a SQL table expression
     * @param current the rows to score, a SQL table expression
     * @param features the features to score, with their types in {@code current}: numeric ones by
     *     range, the others by category
     * @param keyColumns columns of {@code current} that identify a row, listed with top rows
     * @param orderColumns columns of {@code current} that order rows, to break ties
     * @throws InvalidInputException when there is no feature, or a relation lacks one of them
     * @throws StoreException when DuckDB fails otherwise
     */
    public static OutlierSummary score(
            Connection connection,
            String reference,
            String current,
            List<DataColumn> features,
            List<String> keyColumns,
            List<String> orderColumns,
            OutlierOptions options) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(options, "options");
        if (features.isEmpty()) {
            throw InvalidInputException.of(
                    "features",
                    "no feature to score for outliers; the current data and the reference share no column");
        }
        try {
            requireColumns(connection, reference, "reference", features);
            requireColumns(connection, current, "current data", features);
            List<FeatureRange> ranges = ranges(connection, reference, features, options);
            String scored = scoredSql(reference, current, features, keyColumns, ranges);
            return summarize(
                    connection, scored, features, keyColumns, orderColumns, ranges, options);
        } catch (SQLException e) {
            throw new StoreException("cannot score outliers: " + DuckSql.reason(e), e);
        }
    }

    private static void requireColumns(
            Connection c, String relation, String what, List<DataColumn> features)
            throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<String> missing =
                features.stream().map(DataColumn::name).filter(n -> !names.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of(
                    missing.get(0),
                    "cannot score outliers: the %s has no column %s; it has %s"
                            .formatted(what, missing, names));
        }
    }

    /** The method, in words, for reports. */
    public static String method(OutlierOptions o) {
        return ("share of a row's features outside the reference: numbers below its %s or above its"
                        + " %s quantile, categories it never had")
                .formatted(percent(o.lowerQuantile()), percent(o.upperQuantile()));
    }

    private static String percent(double q) {
        return String.format(Locale.ROOT, "%.4g%%", q * 100).replaceFirst("\\.?0+%$", "%");
    }

    private static List<FeatureRange> ranges(
            Connection c, String reference, List<DataColumn> features, OutlierOptions o)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < features.size(); i++) {
            DataColumn f = features.get(i);
            if (i > 0) {
                sql.append(", ");
            }
            if (f.numeric()) {
                String v = "TRY_CAST(%s AS DOUBLE)".formatted(id(f.name()));
                sql.append(
                        "quantile_cont(%s, %s), quantile_cont(%s, %s)"
                                .formatted(
                                        v,
                                        Double.toString(o.lowerQuantile()),
                                        v,
                                        Double.toString(o.upperQuantile())));
            } else {
                sql.append("NULL, count(DISTINCT CAST(%s AS VARCHAR))".formatted(id(f.name())));
            }
        }
        sql.append(" FROM ").append(reference);
        List<FeatureRange> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            for (int i = 0; i < features.size(); i++) {
                DataColumn f = features.get(i);
                if (f.numeric()) {
                    out.add(
                            new FeatureRange(
                                    f.name(),
                                    true,
                                    optional(rs, 2 * i + 1),
                                    optional(rs, 2 * i + 2),
                                    0));
                } else {
                    out.add(
                            new FeatureRange(
                                    f.name(),
                                    false,
                                    OptionalDouble.empty(),
                                    OptionalDouble.empty(),
                                    rs.getLong(2 * i + 2)));
                }
            }
        }
        return out;
    }

    private static OptionalDouble optional(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * The current rows with {@code __outside} (the list of features outside) and {@code __present}
     * (how many features have a value).
     */
    private static String scoredSql(
            String reference,
            String current,
            List<DataColumn> features,
            List<String> keyColumns,
            List<FeatureRange> ranges) {
        List<String> flags = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            DataColumn f = features.get(i);
            FeatureRange r = ranges.get(i);
            String col = "c." + id(f.name());
            String outside;
            if (f.numeric()) {
                String v = "TRY_CAST(%s AS DOUBLE)".formatted(col);
                outside =
                        r.low().isEmpty()
                                ? "%s IS NOT NULL".formatted(v)
                                : "%s < %s OR %s > %s"
                                        .formatted(
                                                v,
                                                Double.toString(r.low().getAsDouble()),
                                                v,
                                                Double.toString(r.high().getAsDouble()));
                present.add("(%s IS NOT NULL)::INTEGER".formatted(v));
            } else {
                String v = "CAST(%s AS VARCHAR)".formatted(col);
                outside =
                        "%s IS NOT NULL AND %s NOT IN (SELECT DISTINCT CAST(%s AS VARCHAR) FROM %s WHERE %s IS NOT NULL)"
                                .formatted(v, v, id(f.name()), reference, id(f.name()));
                present.add("(%s IS NOT NULL)::INTEGER".formatted(col));
            }
            flags.add("CASE WHEN %s THEN %s END".formatted(outside, str(f.name())));
        }
        return ("SELECT c.*, list_filter([%s], x -> x IS NOT NULL) AS __outside, (%s) AS __present"
                        + " FROM %s AS c")
                .formatted(String.join(", ", flags), String.join(" + ", present), current);
    }

    private static OutlierSummary summarize(
            Connection c,
            String scored,
            List<DataColumn> features,
            List<String> keyColumns,
            List<String> orderColumns,
            List<FeatureRange> ranges,
            OutlierOptions o)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE OR REPLACE TEMP TABLE __outlier_scores AS SELECT *, CASE WHEN __present = 0 THEN 0.0 ELSE len(__outside) / __present END AS __score FROM ("
                            + scored
                            + ")");
        }
        try {
            // A compensated sum: the mean is the same whatever order DuckDB's threads add in.
            StringBuilder agg =
                    new StringBuilder(
                            "SELECT count(*), count(*) FILTER (WHERE __score > 0), coalesce(fsum(__score) / nullif(count(*), 0), 0)");
            for (DataColumn f : features) {
                agg.append(
                        ", count(*) FILTER (WHERE list_contains(__outside, %s))"
                                .formatted(str(f.name())));
            }
            agg.append(" FROM __outlier_scores");
            long rows;
            long outliers;
            double mean;
            Map<String, Long> byFeature = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(agg.toString())) {
                rs.next();
                rows = rs.getLong(1);
                outliers = rs.getLong(2);
                mean = rs.getDouble(3);
                for (int i = 0; i < features.size(); i++) {
                    byFeature.put(features.get(i).name(), rs.getLong(4 + i));
                }
            }
            List<OutlierRow> top = top(c, features, keyColumns, orderColumns, o.top());
            return new OutlierSummary(method(o), rows, outliers, mean, byFeature, ranges, top);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS __outlier_scores");
            }
        }
    }

    private static List<OutlierRow> top(
            Connection c,
            List<DataColumn> features,
            List<String> keyColumns,
            List<String> orderColumns,
            int n)
            throws SQLException {
        if (n == 0) {
            return List.of();
        }
        List<String> select = new ArrayList<>();
        keyColumns.forEach(k -> select.add("CAST(%s AS VARCHAR)".formatted(id(k))));
        features.forEach(f -> select.add("CAST(%s AS VARCHAR)".formatted(id(f.name()))));
        select.add("__score");
        select.add("__outside");
        List<String> order = new ArrayList<>(List.of("__score DESC"));
        orderColumns.forEach(k -> order.add(id(k)));
        String sql =
                "SELECT %s FROM __outlier_scores WHERE __score > 0 ORDER BY %s LIMIT %d"
                        .formatted(String.join(", ", select), String.join(", ", order), n);
        List<OutlierRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, String> key = new LinkedHashMap<>();
                for (int i = 0; i < keyColumns.size(); i++) {
                    key.put(keyColumns.get(i), rs.getString(i + 1));
                }
                Map<String, String> all = new LinkedHashMap<>();
                for (int i = 0; i < features.size(); i++) {
                    all.put(features.get(i).name(), rs.getString(keyColumns.size() + i + 1));
                }
                double score = rs.getDouble(keyColumns.size() + features.size() + 1);
                Object[] arr =
                        (Object[]) rs.getArray(keyColumns.size() + features.size() + 2).getArray();
                List<String> outside = new ArrayList<>();
                Map<String, String> values = new LinkedHashMap<>();
                for (Object o : arr) {
                    String f = String.valueOf(o);
                    outside.add(f);
                    values.put(f, all.get(f));
                }
                rows.add(new OutlierRow(key, score, outside, values));
            }
        }
        return rows;
    }
}
