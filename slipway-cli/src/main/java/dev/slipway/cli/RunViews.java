package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.train.Run;
import dev.slipway.train.metrics.Evaluation;
import dev.slipway.train.metrics.EvaluationCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How runs and evaluations look, as text and as JSON. */
final class RunViews {

    private RunViews() {}

    static ObjectNode run(Run r) {
        ObjectNode n = Output.object();
        n.put("id", r.id());
        n.put("kind", r.kind().label());
        r.parent().ifPresent(p -> n.put("parent", p));
        n.put("created", r.createdAt().toString());
        n.put("duration_ms", r.duration().toMillis());
        n.put("dataset", r.dataset());
        n.put("dataset_version", r.datasetVersion());
        n.put("dataset_sha256", r.datasetSha256());
        n.put("holdout", r.holdout());
        n.put("target", r.target());
        n.put("task", r.task().label());
        n.put("algorithm", r.algorithm().label());
        n.put("seed", r.seed());
        ObjectNode params = n.putObject("params");
        new java.util.TreeMap<>(r.params()).forEach(params::put);
        ObjectNode metrics = n.putObject("metrics");
        r.metrics().forEach(metrics::put);
        ObjectNode env = n.putObject("environment");
        r.environment().forEach(env::put);
        r.model().ifPresent(m -> n.put("model", m.toString()));
        return n;
    }

    static ObjectNode evaluation(Evaluation e) {
        try {
            return (ObjectNode) Output.JSON.readTree(EvaluationCodec.toJson(e));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The headline metrics on one line: {@code auc 0.9288 accuracy 0.8745 ...}. */
    static String metricsLine(Map<String, Double> metrics) {
        List<String> parts = new ArrayList<>();
        metrics.forEach((k, v) -> parts.add(k + " " + metric(v)));
        return String.join("  ", parts);
    }

    static String metric(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static void printRun(PrintWriter out, Run r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run", r.id() + " (" + r.kind().label() + ")"));
        r.parent().ifPresent(p -> rows.add(List.of("tuning", p)));
        rows.add(List.of("created", r.createdAt().toString()));
        rows.add(List.of("duration", seconds(r)));
        rows.add(List.of("dataset", r.dataset() + "@" + r.datasetVersion()));
        rows.add(List.of("data hash", r.datasetSha256()));
        rows.add(List.of("target", r.target() + " (" + r.task().label() + ")"));
        rows.add(List.of("algorithm", r.algorithm().label()));
        rows.add(List.of("holdout", r.holdout()));
        rows.add(List.of("seed", Long.toString(r.seed())));
        rows.add(List.of("model", r.model().map(Object::toString).orElse("-")));
        Output.table(out, List.of("FIELD", "VALUE"), rows);
        out.println();
        List<List<String>> params = new ArrayList<>();
        new java.util.TreeMap<>(r.params()).forEach((k, v) -> params.add(List.of(k, v)));
        Output.table(out, List.of("PARAM", "VALUE"), params);
        out.println();
        List<List<String>> metrics = new ArrayList<>();
        r.metrics().forEach((k, v) -> metrics.add(List.of(k, metric(v))));
        Output.table(out, List.of("METRIC", "VALUE"), metrics);
        if (!r.environment().isEmpty()) {
            out.println();
            List<List<String>> env = new ArrayList<>();
            r.environment().forEach((k, v) -> env.add(List.of(k, v)));
            Output.table(out, List.of("ENVIRONMENT", "VERSION"), env);
        }
    }

    static String seconds(Run r) {
        return String.format(Locale.ROOT, "%.1f s", r.duration().toMillis() / 1000.0);
    }

    /** The main metric of a run for listings: AUC, accuracy, R² or the cross-validated loss. */
    static String headline(Run r) {
        for (String k : List.of("auc", "accuracy", "r2")) {
            Double v = r.metrics().get(k);
            if (v != null) {
                return k + " " + metric(v);
            }
        }
        return r.metrics().entrySet().stream()
                .findFirst()
                .map(e -> e.getKey() + " " + metric(e.getValue()))
                .orElse("");
    }
}
