package dev.slipway.serve.http;

import dev.slipway.api.model.ModelRef;
import dev.slipway.train.Comparison;
import dev.slipway.train.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How training runs look in the runs API: plain maps with snake_case keys, written by the
 * transport's JSON writer. Stateless.
 *
 * <p>A run is recorded only once its work has finished (a training or tuning records its run in the
 * same transaction that registers its model), so every run's {@code status} is {@code finished} and
 * {@code finished} is its start plus its duration.
 */
final class RunsJson {

    /** Newest first; runs started in the same instant by id, so the order is stable. */
    static final Comparator<Run> NEWEST_FIRST =
            Comparator.comparing(Run::createdAt).reversed().thenComparing(Run::id);

    static final String FINISHED = "finished";

    private RunsJson() {}

    /**
     * The run as the runs list shows it: what it was, on which data, when, its parameters and
     * metrics, and for a tuning the score of each trial in order ({@code history}).
     *
     * @param trials the trials of {@code run} when it is a tuning, in the order they ran; empty
     *     otherwise
     */
    static Map<String, Object> summary(Run run, List<Run> trials) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("kind", run.kind().label());
        m.put("parent", run.parent().orElse(null));
        m.put("status", FINISHED);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", run.dataset());
        dataset.put("version", run.datasetVersion());
        m.put("dataset", dataset);
        m.put("target", run.target());
        m.put("task", run.task().label());
        m.put("algorithm", run.algorithm().label());
        m.put("started", run.createdAt().toString());
        m.put("finished", run.createdAt().plus(run.duration()).toString());
        m.put("duration_ms", run.duration().toMillis());
        m.put("holdout", run.holdout());
        m.put("seed", run.seed());
        m.put("params", new TreeMap<>(run.params()));
        m.put("metrics", metrics(run.metrics()));
        m.put("model", run.model().map(RunsJson::model).orElse(null));
        m.put("trial_count", run.kind() == Run.Kind.TUNE ? trials.size() : null);
        m.put("history", history(trials).orElse(null));
        return m;
    }

    /** The metrics in the run's order; a number that is not finite is null. */
    static Map<String, Object> metrics(Map<String, Double> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, finite(v)));
        return out;
    }

    static Map<String, Object> model(ModelRef.Version ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ref.name());
        m.put("version", ref.version());
        m.put("ref", ref.toString());
        return m;
    }

    /**
     * The per-iteration history a run recorded, shaped for a line chart: a tuning's cross-validated
     * score after each trial and the best score so far ({@code x} numbers the trials from 1; lower
     * is better, as the tuning chose). A training records none.
     */
    static Optional<Map<String, Object>> history(List<Run> trials) {
        if (trials.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> metric = cvMetric(trials.getFirst());
        if (metric.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> x = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trials.size(); i++) {
            Run t = trials.get(i);
            Double v = finite(t.metrics().get(metric.get()));
            x.add(i + 1);
            ids.add(t.id());
            values.add(v);
            if (v != null) {
                low = Math.min(low, v);
            }
            best.add(Double.isFinite(low) ? low : null);
        }
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("x_label", "trial");
        h.put("x", x);
        h.put("runs", ids);
        h.put("metric", metric.get());
        h.put("lower_is_better", true);
        List<Object> series = new ArrayList<>();
        series.add(series(metric.get(), values));
        series.add(series("best so far", best));
        h.put("series", series);
        return Optional.of(h);
    }

    /** The cross-validated score of a trial: {@code cv_NAME}, not its spread {@code _std}. */
    private static Optional<String> cvMetric(Run trial) {
        return trial.metrics().keySet().stream()
                .filter(k -> k.startsWith("cv_") && !k.endsWith("_std"))
                .findFirst();
    }

    private static Map<String, Object> series(String name, List<Double> values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("values", values);
        return s;
    }

    /**
     * Runs side by side: each run's summary, one line per field, parameter and metric with the
     * value in each run and whether they differ, and the metrics as numbers (null where a run has
     * none) for charts.
     */
    static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", c.runs().stream().map(r -> summary(r, List.of())).toList());
        List<Object> lines = new ArrayList<>();
        int differing = 0;
        for (Comparison.Line l : c.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("section", l.section());
            line.put("name", l.name());
            line.put("values", l.values());
            line.put("differs", l.differs());
            lines.add(line);
            if (l.differs()) {
                differing++;
            }
        }
        out.put("lines", lines);
        out.put("differing", differing);
        Set<String> names = new LinkedHashSet<>();
        c.runs().forEach(r -> names.addAll(r.metrics().keySet()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String name : names) {
            List<Double> values = new ArrayList<>();
            c.runs().forEach(r -> values.add(finite(r.metrics().get(name))));
            metrics.put(name, values);
        }
        out.put("metrics", metrics);
        return out;
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
