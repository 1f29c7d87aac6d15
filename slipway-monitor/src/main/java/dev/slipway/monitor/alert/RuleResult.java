package dev.slipway.monitor.alert;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The outcome of one alert rule for one model and window.
 *
 * <p>Immutable.
 *
 * @param rule the rule
 * @param model the model it was evaluated for
 * @param window the window
 * @param outcome whether it fires, does not, or had no data
 * @param observed the value the rule looked at; empty when there was no data
 * @param bound the bound it was compared with; empty for a condition on a drift verdict
 * @param detail the comparison in words, e.g. {@code realized auc 0.74 < 0.8 over 1200 labelled
 *     row(s)}, or why there was no data
 */
public record RuleResult(
        AlertRule rule,
        String model,
        AlertWindow window,
        Outcome outcome,
        OptionalDouble observed,
        OptionalDouble bound,
        String detail) {

    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(detail, "detail");
        if (observed.isEmpty() != (outcome == Outcome.NO_DATA)) {
            throw new IllegalArgumentException(
                    "a rule result has an observed value exactly when it had data, but rule %s is %s with observed %s"
                            .formatted(rule.name(), outcome, observed));
        }
    }

    /**
     * The outcome in words, naming the rule, its severity, the model, the window and the numbers,
     * e.g. {@code auc-low FIRING [critical] for model adult-income in window
     * 2026-11-22T00:00:00Z..2026-11-23T00:00:00Z: realized auc 0.74 < 0.8 over 1200 labelled
     * row(s)}.
     */
    public String message() {
        String status =
                switch (outcome) {
                    case FIRING -> "FIRING";
                    case OK -> "ok";
                    case NO_DATA -> "no data";
                };
        return message(status);
    }

    String message(String status) {
        return "%s %s [%s] for model %s in window %s: %s"
                .formatted(rule.name(), status, rule.severity().label(), model, window, detail);
    }

    /** Whether the rule fires. */
    public boolean firing() {
        return outcome == Outcome.FIRING;
    }

    /** How an evaluation of a rule came out. */
    public enum Outcome {
        /** The condition holds. */
        FIRING,
        /** The condition does not hold. */
        OK,
        /** The observations lack what the rule looks at; it neither fires nor resolves. */
        NO_DATA
    }
}
