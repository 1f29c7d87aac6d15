package dev.slipway.monitor.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.data.ProblemJson;
import dev.slipway.monitor.Distributions;
import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.ReferencePredictions;
import dev.slipway.monitor.WindowDrift;
import dev.slipway.monitor.alert.AlertEvent;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.alert.CheckResult;
import dev.slipway.monitor.alert.RuleResult;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.outlier.FeatureRange;
import dev.slipway.monitor.outlier.OutlierRow;
import dev.slipway.monitor.outlier.OutlierSummary;
import dev.slipway.monitor.perf.IngestResult;
import dev.slipway.monitor.perf.MetricComparison;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.perf.WindowPerformance;
import dev.slipway.monitor.quality.ColumnQuality;
import dev.slipway.monitor.quality.QualityReport;
import dev.slipway.monitor.report.ColumnDistribution;
import dev.slipway.monitor.window.Window;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON form of monitoring results: the same fields for {@code slipway monitor ... --json}, the
 * server's {@code /api/v1/models/{m}/monitoring/...} and the report's JSON, so that scripts, the
 * console and people read the same numbers. Names are snake_case; numbers that are not defined
 * (NaN, such as AUC in a window with one class) are {@code null}; times are ISO-8601 instants.
 */
public final class MonitorJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MonitorJson() {}

    /** A drift report: overall, prediction and per window. */
    public static ObjectNode drift(DriftReport r) {
        ObjectNode n = F.objectNode();
        n.put("reference", r.reference());
        n.put("current", r.current());
        n.put("reference_rows", r.referenceRows());
        n.put("current_rows", r.currentRows());
        n.set("data", dataset(r.data()));
        n.set("prediction", r.prediction().map(MonitorJson::dataset).orElse(null));
        n.set("prediction_note", text(r.predictionNote()));
        n.set(
                "reference_predictions",
                r.referencePredictions().map(MonitorJson::referencePredictions).orElse(null));
        ArrayNode ws = n.putArray("windows");
        for (WindowDrift w : r.windows()) {
            ObjectNode o = window(w.window());
            o.set("data", w.data().map(MonitorJson::dataset).orElse(null));
            o.set("prediction", w.prediction().map(MonitorJson::dataset).orElse(null));
            o.set("note", text(w.note()));
            ws.add(o);
        }
        return n;
    }

    /** A dataset verdict with its columns. */
    public static ObjectNode dataset(DatasetDrift d) {
        ObjectNode n = F.objectNode();
        n.put("drifted", d.drifted());
        n.put("drifted_columns", d.driftedColumns());
        n.put("columns_compared", d.columns().size());
        number(n, "share", d.share());
        number(n, "threshold", d.threshold());
        ArrayNode cols = n.putArray("columns");
        d.columns().forEach(c -> cols.add(column(c)));
        return n;
    }

    /** One column's verdict. */
    public static ObjectNode column(ColumnDrift c) {
        ObjectNode n = F.objectNode();
        n.put("column", c.column());
        n.put("kind", c.kind().label());
        n.put("method", c.method().label());
        number(n, "score", c.score());
        number(n, "threshold", c.threshold());
        n.put("drifted", c.drifted());
        number(n, "p_value", c.pValue());
        number(n, "effect_size", c.effectSize());
        n.put("effect_size_name", c.method().effectSizeName());
        n.put("n_ref", c.nRef());
        n.put("n_cur", c.nCur());
        n.put("n_unique", c.nUnique());
        return n;
    }

    /**
     * Columns' distributions in the reference and the current data: {@code reference}, {@code
     * current}, {@code reference_rows}, {@code current_rows}, {@code columns} (each as {@link
     * #distribution}), {@code note} (why some columns have no reference values, or null) and {@code
     * reference_predictions} (see {@link #referencePredictions}, or null).
     */
    public static ObjectNode distributions(Distributions d) {
        ObjectNode n = F.objectNode();
        n.put("reference", d.reference());
        n.put("current", d.current());
        n.put("reference_rows", d.referenceRows());
        n.put("current_rows", d.currentRows());
        ArrayNode cols = n.putArray("columns");
        d.columns().forEach(c -> cols.add(distribution(ColumnDistribution.of(c))));
        n.set("note", text(d.note()));
        n.set(
                "reference_predictions",
                d.referencePredictions().map(MonitorJson::referencePredictions).orElse(null));
        return n;
    }

    /**
     * Where the reference's predictions come from when the reference is the training data scored by
     * the model: {@code model}, {@code model_version}, {@code dataset}, {@code rows}, {@code
     * predicted_rows} and {@code choice} (why that version, in words).
     */
    public static ObjectNode referencePredictions(ReferencePredictions p) {
        ObjectNode n = F.objectNode();
        n.put("model", p.model());
        n.put("model_version", p.version());
        n.put("dataset", p.dataset());
        n.put("rows", p.rows());
        n.put("predicted_rows", p.predictedRows());
        n.put("choice", p.choice());
        return n;
    }

    /**
     * One column's distribution: {@code column}, {@code kind}, {@code n_ref}, {@code n_cur} (the
     * values counted, missing ones left out) and {@code bins}, each {@code label}, {@code
     * reference} and {@code current} (counts). Numbers' bins have the same edges on both sides.
     */
    public static ObjectNode distribution(ColumnDistribution d) {
        ObjectNode o = F.objectNode();
        o.put("column", d.column());
        o.put("kind", d.kind().label());
        o.put("n_ref", d.nRef());
        o.put("n_cur", d.nCur());
        ArrayNode bins = o.putArray("bins");
        for (ColumnDistribution.Bin b : d.bins()) {
            bins.addObject()
                    .put("label", b.label())
                    .put("reference", b.reference())
                    .put("current", b.current());
        }
        return o;
    }

    /** Realized performance, overall and per window, compared with training. */
    public static ObjectNode performance(PerformanceReport r) {
        ObjectNode n = F.objectNode();
        n.put("model", r.model());
        n.put("source", r.source());
        n.put("task", r.task().toString().toLowerCase(Locale.ROOT));
        n.put("key_column", r.keyColumn());
        n.put("window", r.window().text());
        n.put("labelled", r.labelled());
        n.set("metrics", metrics(r.metrics()));
        ArrayNode ws = n.putArray("windows");
        for (WindowPerformance w : r.windows()) {
            ObjectNode o = window(w.window());
            o.put("labelled", w.labelled());
            o.set("metrics", metrics(w.metrics()));
            ws.add(o);
        }
        n.put("baseline", r.baseline().map(Object::toString).orElse(null));
        ArrayNode cmp = n.putArray("comparison");
        for (MetricComparison c : r.comparison()) {
            ObjectNode o = cmp.addObject();
            o.put("metric", c.metric());
            number(o, "training", c.training());
            number(o, "realized", c.realized());
            number(o, "change", c.change());
            o.put("higher_is_better", c.higherIsBetter());
            o.put("worse", c.worse());
        }
        return n;
    }

    /** Outlier scores: the summary, the reference ranges and the top rows. */
    public static ObjectNode outliers(OutlierSummary s) {
        ObjectNode n = F.objectNode();
        n.put("method", s.method());
        n.put("rows", s.rows());
        n.put("outlier_rows", s.outlierRows());
        number(n, "outlier_share", s.outlierShare());
        number(n, "mean_score", s.meanScore());
        ObjectNode by = n.putObject("outside_by_feature");
        s.outsideByFeature().forEach(by::put);
        ArrayNode ranges = n.putArray("ranges");
        for (FeatureRange r : s.ranges()) {
            ObjectNode o = ranges.addObject();
            o.put("feature", r.feature());
            o.put("kind", r.numeric() ? "numeric" : "categorical");
            if (r.numeric()) {
                number(o, "low", r.low());
                number(o, "high", r.high());
            } else {
                o.put("categories", r.categories());
            }
        }
        ArrayNode top = n.putArray("top");
        for (OutlierRow r : s.top()) {
            ObjectNode o = top.addObject();
            ObjectNode key = o.putObject("key");
            r.key().forEach(key::put);
            number(o, "score", r.score());
            ArrayNode out = o.putArray("outside");
            r.outside().forEach(out::add);
            ObjectNode values = o.putObject("values");
            r.values().forEach(values::put);
        }
        return n;
    }

    /** Data quality per column, with the validator's problems. */
    public static ObjectNode quality(QualityReport q) {
        ObjectNode n = F.objectNode();
        n.put("against", q.against());
        n.put("rows", q.rows());
        ArrayNode cols = n.putArray("columns");
        for (ColumnQuality c : q.columns()) {
            ObjectNode o = cols.addObject();
            o.put("column", c.column());
            o.put("rows", c.rows());
            o.put("nulls", c.nulls());
            number(o, "null_rate", c.nullRate());
            o.put("out_of_range", c.outOfRange());
            o.put("unseen_categories", c.unseenCategories());
            o.put("type_violations", c.typeViolations());
        }
        n.set("problems", ProblemJson.of(q.problems()));
        return n;
    }

    /** What a label ingest stored. */
    public static ObjectNode labels(IngestResult r) {
        ObjectNode n = F.objectNode();
        n.put("model", r.model());
        n.put("key_column", r.keyColumn());
        n.put("received", r.received());
        n.put("stored", r.stored());
        n.put("replaced", r.replaced());
        n.put("unmatched", r.unmatched());
        n.put("total", r.total());
        n.put("arrived_at", r.arrivedAt().toString());
        return n;
    }

    /** The outcome of evaluating alert rules, with the notifications sent. */
    public static ObjectNode check(CheckResult r) {
        ObjectNode n = F.objectNode();
        n.put("firing", r.anyFiring());
        ArrayNode rs = n.putArray("results");
        for (RuleResult x : r.results()) {
            ObjectNode o = rs.addObject();
            o.put("rule", x.rule().name());
            o.put("model", x.model());
            o.put("severity", x.rule().severity().label());
            o.put("condition", x.rule().condition().describe());
            o.put("outcome", x.outcome().toString().toLowerCase(Locale.ROOT).replace('_', ' '));
            number(o, "observed", x.observed());
            number(o, "bound", x.bound());
            o.set("window", window(x.window()));
            o.put("message", x.message());
        }
        ArrayNode ev = n.putArray("notifications");
        r.notifications().forEach(e -> ev.add(event(e)));
        return n;
    }

    /** One notification with its delivery. */
    public static ObjectNode alert(AlertRecord r) {
        ObjectNode n = event(r.event());
        ObjectNode d = n.putObject("delivery");
        d.put("status", r.delivery().status().toString().toLowerCase(Locale.ROOT));
        d.put("attempts", r.delivery().attempts());
        d.put("detail", r.delivery().detail());
        d.put("finished_at", r.delivery().finishedAt().map(Object::toString).orElse(null));
        return n;
    }

    /** One notification. */
    public static ObjectNode event(AlertEvent e) {
        ObjectNode n = F.objectNode();
        n.put("rule", e.rule());
        n.put("model", e.model());
        n.put("sequence", e.sequence());
        n.put("state", e.state().toString().toLowerCase(Locale.ROOT));
        n.put("severity", e.severity().label());
        n.put("condition", e.condition());
        number(n, "observed", e.observed());
        number(n, "bound", e.bound());
        n.set("window", window(e.window()));
        n.put("message", e.message());
        n.put("time", e.time().toString());
        n.put("firing_since", e.firingSince().toString());
        return n;
    }

    /** A window's index, bounds and rows. */
    public static ObjectNode window(Window w) {
        ObjectNode n = F.objectNode();
        n.put("index", w.index());
        n.put("start", w.start().toString());
        n.put("end", w.end().toString());
        n.put("rows", w.rows());
        return n;
    }

    private static ObjectNode window(AlertWindow w) {
        ObjectNode n = F.objectNode();
        n.put("start", w.start().toString());
        n.put("end", w.end().toString());
        return n;
    }

    private static ObjectNode metrics(Map<String, Double> metrics) {
        ObjectNode n = F.objectNode();
        metrics.forEach((k, v) -> number(n, k, v));
        return n;
    }

    /** Puts {@code v}, or null when it is NaN or infinite (JSON has no such numbers). */
    public static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

    private static void number(ObjectNode n, String field, OptionalDouble v) {
        if (v.isPresent()) {
            number(n, field, v.getAsDouble());
        } else {
            n.putNull(field);
        }
    }

    private static JsonNode text(Optional<String> s) {
        return s.<JsonNode>map(F::textNode).orElse(F.nullNode());
    }
}
