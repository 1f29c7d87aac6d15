package dev.slipway.monitor.alert;

import dev.slipway.monitor.alert.Condition.MetricBound.Direction;
import dev.slipway.monitor.alert.RuleResult.Outcome;
import java.util.Optional;
import java.util.OptionalDouble;

/** Checks one rule's condition against one window's observations; no side effects. */
final class Evaluator {

    private Evaluator() {}

    static RuleResult evaluate(AlertRule rule, Observations o) {
        return switch (rule.condition()) {
            case Condition.DatasetDrift c ->
                    compare(
                            rule,
                            o,
                            o.datasetDriftShare(),
                            c.shareAtLeast(),
                            true,
                            "dataset drift share",
                            "no dataset drift share was measured");
            case Condition.ColumnDrift c -> columnDrift(rule, o, c);
            case Condition.MetricBound c -> metric(rule, o, c);
            case Condition.NullRate c ->
                    compare(
                            rule,
                            o,
                            o.nullRate(c.column()),
                            c.above(),
                            false,
                            "column %s null rate".formatted(c.column()),
                            "no null rate was measured for column " + c.column());
            case Condition.ErrorRate c ->
                    compare(
                            rule,
                            o,
                            o.errorRate(),
                            c.above(),
                            false,
                            "error rate",
                            "no error rate was measured");
            case Condition.LatencyP99 c ->
                    compare(
                            rule,
                            o,
                            o.latencyP99Millis(),
                            c.aboveMillis(),
                            false,
                            "p99 latency (ms)",
                            "no p99 latency was measured");
        };
    }

    /** Fires when {@code observed >= bound} ({@code inclusive}) or {@code observed > bound}. */
    private static RuleResult compare(
            AlertRule rule,
            Observations o,
            OptionalDouble observed,
            double bound,
            boolean inclusive,
            String what,
            String missing) {
        if (observed.isEmpty()) {
            return noData(rule, o, OptionalDouble.of(bound), missing);
        }
        double v = observed.getAsDouble();
        boolean fires = inclusive ? v >= bound : v > bound;
        String relation = fires ? (inclusive ? ">=" : ">") : (inclusive ? "<" : "<=");
        return result(
                rule,
                o,
                fires,
                v,
                OptionalDouble.of(bound),
                "%s %s %s %s".formatted(what, Numbers.format(v), relation, Numbers.format(bound)));
    }

    private static RuleResult columnDrift(AlertRule rule, Observations o, Condition.ColumnDrift c) {
        Optional<Observations.DriftVerdict> verdict = o.columnDrift(c.column());
        if (verdict.isEmpty()) {
            return noData(
                    rule,
                    o,
                    c.scoreAtLeast(),
                    "no drift result was measured for column " + c.column());
        }
        double score = verdict.get().score();
        if (c.scoreAtLeast().isPresent()) {
            return compare(
                    rule,
                    o,
                    OptionalDouble.of(score),
                    c.scoreAtLeast().getAsDouble(),
                    true,
                    "column %s drift score".formatted(c.column()),
                    "");
        }
        boolean drifted = verdict.get().drifted();
        return result(
                rule,
                o,
                drifted,
                score,
                OptionalDouble.empty(),
                "column %s %s (drift score %s)"
                        .formatted(
                                c.column(),
                                drifted ? "drifted" : "did not drift",
                                Numbers.format(score)));
    }

    private static RuleResult metric(AlertRule rule, Observations o, Condition.MetricBound c) {
        OptionalDouble bound = OptionalDouble.of(c.bound());
        Optional<Observations.RealizedMetric> m = o.metric(c.metric());
        if (m.isEmpty()) {
            return noData(rule, o, bound, "no realized %s was measured".formatted(c.metric()));
        }
        long rows = m.get().labelledRows();
        if (rows < c.minLabelledRows()) {
            return noData(
                    rule,
                    o,
                    bound,
                    "realized %s is from %d labelled row(s), fewer than the %d the rule needs"
                            .formatted(c.metric(), rows, c.minLabelledRows()));
        }
        double v = m.get().value();
        if (Double.isNaN(v)) {
            return noData(
                    rule,
                    o,
                    bound,
                    "realized %s could not be computed from %d labelled row(s)"
                            .formatted(c.metric(), rows));
        }
        boolean fires = c.direction() == Direction.BELOW ? v < c.bound() : v > c.bound();
        String relation =
                switch (c.direction()) {
                    case BELOW -> fires ? "<" : ">=";
                    case ABOVE -> fires ? ">" : "<=";
                };
        return result(
                rule,
                o,
                fires,
                v,
                bound,
                "realized %s %s %s %s over %d labelled row(s)"
                        .formatted(
                                c.metric(),
                                Numbers.format(v),
                                relation,
                                Numbers.format(c.bound()),
                                rows));
    }

    private static RuleResult result(
            AlertRule rule,
            Observations o,
            boolean fires,
            double observed,
            OptionalDouble bound,
            String detail) {
        Outcome outcome = fires ? Outcome.FIRING : Outcome.OK;
        return new RuleResult(
                rule, o.model(), o.window(), outcome, OptionalDouble.of(observed), bound, detail);
    }

    private static RuleResult noData(
            AlertRule rule, Observations o, OptionalDouble bound, String why) {
        return new RuleResult(
                rule, o.model(), o.window(), Outcome.NO_DATA, OptionalDouble.empty(), bound, why);
    }
}
