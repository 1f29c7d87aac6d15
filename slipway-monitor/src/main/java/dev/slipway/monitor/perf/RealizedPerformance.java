package dev.slipway.monitor.perf;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.window.Window;
import dev.slipway.monitor.window.WindowSet;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.monitor.window.Windows;
import dev.slipway.train.metrics.Evaluation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realized performance: the model's predictions joined to their delayed labels, scored per window
 * with the training layer's metrics.
 *
 * <p>The join: labels keyed by {@code request_id} match the prediction row with that request id and
 * their row index (0 unless the labels gave one: a single-row request); labels keyed by another
 * column match every row whose value in that column has the same text form (integers as written,
 * whole decimals as integers, text trimmed). Only labels keyed by {@link
 * PerformanceSpec#keyColumn()} are used; rows whose prediction columns are NULL are left out.
 *
 * <p>Metrics by task: binary: {@code auc, log_loss, accuracy, precision, recall, f1} (without the
 * first two when only the predicted class is known); multiclass: {@code accuracy, macro_f1,
 * weighted_f1, log_loss} (without log loss when only the predicted class is known); regression:
 * {@code rmse, mae, r2}. Stateless.
 */
public final class RealizedPerformance {

    /** Names the staging tables of concurrent computations in one process. */
    private static final AtomicLong TABLES = new AtomicLong();

    private RealizedPerformance() {}

    /**
     * Scores {@code data} against the labels of {@code model}, per window of {@code spec}.
     *
     * @throws InvalidInputException when {@code data} lacks the key column or a prediction column,
     *     or a label does not suit the task
     * @throws StoreException when DuckDB cannot read the predictions or the labels
     */
    public static PerformanceReport compute(
            MonitorSession session,
            PredictionTable data,
            LabelStore labels,
            String model,
            PerformanceSpec spec) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(spec, "spec");
        String key = spec.keyColumn();
        String on =
                LabelJoin.condition(data, key, "d", "l")
                        .orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                data.source(),
                                                "the %s has no column '%s' to join the labels keyed by it; its columns are %s"
                                                        .formatted(
                                                                data.source(),
                                                                key,
                                                                String.join(
                                                                        ", ",
                                                                        data.columnNames()))));
        List<String> predictions = predictionSql(data, spec.columns());
        String keyed =
                "(SELECT * FROM %s WHERE key_column = %s)"
                        .formatted(labels.relation(session, model), DuckSql.str(key));
        WindowSet set = Windows.split(session, data, spec.window());
        String table = "perf_labelled_" + TABLES.incrementAndGet();
        try {
            stage(session, table, data, set, keyed, on, predictions);
            int values = predictions.size();
            List<WindowPerformance> windows = new ArrayList<>();
            for (Window w : set.windows()) {
                Scoring.Rows r =
                        w.rows() == 0
                                ? empty()
                                : fetch(
                                        session,
                                        table,
                                        "WHERE " + w.where(),
                                        values,
                                        spec.columns(),
                                        data.orderColumns().size());
                windows.add(
                        new WindowPerformance(
                                w,
                                r.labels().size(),
                                r.labels().isEmpty()
                                        ? Map.of()
                                        : Scoring.score(spec.columns(), r, data.source())));
            }
            Scoring.Rows all =
                    fetch(session, table, "", values, spec.columns(), data.orderColumns().size());
            Map<String, Double> overall =
                    all.labels().isEmpty()
                            ? Map.of()
                            : Scoring.score(spec.columns(), all, data.source());
            return new PerformanceReport(
                    model,
                    data.source(),
                    spec.columns().task(),
                    key,
                    spec.window(),
                    all.labels().size(),
                    overall,
                    windows,
                    spec.baseline().map(ModelBaseline::ref),
                    compare(overall, spec.baseline()));
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot join the labels of model %s to the %s: %s"
                            .formatted(model, data.source(), DuckSql.reason(e)),
                    e);
        } finally {
            drop(session, table);
        }
    }

    /**
     * Joins the labels to the predictions once, into {@code table}: the columns the windows select
     * on (time, and the row number for row windows), {@code __label}, and the prediction values
     * {@code __p0, __p1, ...}; rows with a NULL prediction are left out.
     */
    private static void stage(
            MonitorSession session,
            String table,
            PredictionTable data,
            WindowSet set,
            String labels,
            String on,
            List<String> predictions)
            throws SQLException {
        List<String> select = new ArrayList<>();
        select.add("d." + DuckSql.id(data.timeColumn()));
        if (set.spec() instanceof WindowSpec.Rows) {
            select.add("d." + DuckSql.id(Windows.ROW));
        }
        select.add("l.label AS __label");
        // The rows' own order, so that metrics add up in the same order on every run.
        List<String> order = data.orderColumns();
        for (int i = 0; i < order.size(); i++) {
            select.add("d." + DuckSql.id(order.get(i)) + " AS __o" + i);
        }
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            select.add(predictions.get(i) + " AS __p" + i);
            notNull.add(predictions.get(i) + " IS NOT NULL");
        }
        try (Statement s = session.connection().createStatement()) {
            s.execute(
                    "CREATE TEMP TABLE %s AS SELECT %s FROM %s d JOIN %s l ON %s WHERE %s"
                            .formatted(
                                    table,
                                    String.join(", ", select),
                                    set.relation(),
                                    labels,
                                    on,
                                    String.join(" AND ", notNull)));
        }
    }

    private static void drop(MonitorSession session, String table) {
        try (Statement s = session.connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            // the table goes with the session
        }
    }

    private static List<MetricComparison> compare(
            Map<String, Double> realized, Optional<ModelBaseline> baseline) {
        List<MetricComparison> out = new ArrayList<>();
        if (baseline.isEmpty()) {
            return out;
        }
        Map<String, Double> training = baseline.get().metrics();
        realized.forEach(
                (metric, value) -> {
                    Double t = training.get(metric);
                    if (t != null && Double.isFinite(value)) {
                        out.add(
                                new MetricComparison(
                                        metric,
                                        t,
                                        value,
                                        value - t,
                                        Evaluation.higherIsBetter(metric)));
                    }
                });
        return out;
    }

    /** The SQL of the prediction values to fetch, in the order {@link #fetch} reads them. */
    private static List<String> predictionSql(PredictionTable data, PredictionColumns columns) {
        List<String> out = new ArrayList<>();
        switch (columns) {
            case PredictionColumns.Binary b -> {
                if (b.probability().isPresent()) {
                    out.add(number(data, b.probability().get()));
                } else {
                    out.add(text(data, b.label().orElseThrow()));
                }
            }
            case PredictionColumns.Multiclass m -> {
                if (!m.probabilities().isEmpty()) {
                    m.probabilities().forEach(c -> out.add(number(data, c)));
                } else {
                    out.add(text(data, m.label().orElseThrow()));
                }
            }
            case PredictionColumns.Regression r -> out.add(number(data, r.prediction()));
        }
        return out;
    }

    private static Scoring.Rows fetch(
            MonitorSession session,
            String table,
            String where,
            int values,
            PredictionColumns columns,
            int orderColumns)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT __label");
        for (int i = 0; i < values; i++) {
            sql.append(", __p").append(i);
        }
        sql.append(" FROM ").append(table).append(' ').append(where);
        sql.append(" ORDER BY ")
                .append(
                        String.join(
                                ", ",
                                java.util.stream.IntStream.range(0, orderColumns)
                                        .mapToObj(i -> "__o" + i)
                                        .toList()));
        List<String> truth = new ArrayList<>();
        List<double[]> probabilities = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        boolean text = isText(columns);
        try (Statement s = session.connection().createStatement();
                ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                truth.add(rs.getString(1));
                if (text) {
                    predicted.add(rs.getString(2));
                } else {
                    double[] p = new double[values];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = rs.getDouble(i + 2);
                    }
                    probabilities.add(p);
                }
            }
        }
        double[] firsts = new double[probabilities.size()];
        for (int i = 0; i < firsts.length; i++) {
            firsts[i] = probabilities.get(i)[0];
        }
        return new Scoring.Rows(truth, probabilities.toArray(new double[0][]), predicted, firsts);
    }

    private static boolean isText(PredictionColumns columns) {
        return switch (columns) {
            case PredictionColumns.Binary b -> b.probability().isEmpty();
            case PredictionColumns.Multiclass m -> m.probabilities().isEmpty();
            case PredictionColumns.Regression r -> false;
        };
    }

    private static Scoring.Rows empty() {
        return new Scoring.Rows(List.of(), new double[0][], List.of(), new double[0]);
    }

    private static String number(PredictionTable data, String column) {
        DataColumn c = require(data, column);
        return "CAST(d.%s AS DOUBLE)".formatted(DuckSql.id(c.name()));
    }

    private static String text(PredictionTable data, String column) {
        return Canonical.sql("d", require(data, column));
    }

    private static DataColumn require(PredictionTable data, String column) {
        return data.column(column)
                .orElseThrow(
                        () ->
                                InvalidInputException.of(
                                        data.source(),
                                        "the %s has no prediction column '%s'; its columns are %s"
                                                .formatted(
                                                        data.source(),
                                                        column,
                                                        String.join(", ", data.columnNames()))));
    }
}
