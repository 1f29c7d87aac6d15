package dev.slipway.monitor.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One alert notification: a rule started firing for a model, is still firing in a new window, or
 * resolved. This is what the log, the webhook and the history carry.
 *
 * <p>Immutable.
 *
 * @param rule the rule's name
 * @param model the model
 * @param sequence the n-th notification of this rule for this model, from 1; with the rule and
 *     model it identifies the notification, so that a receiver can drop a repeated delivery
 * @param state firing or resolved
 * @param severity the rule's severity
 * @param condition the rule's condition in words, e.g. {@code metric auc below 0.8}
 * @param observed the value observed in the window
 * @param bound the bound it was compared with; empty for a condition on a drift verdict
 * @param window the window evaluated
 * @param message the notification in words
 * @param time when the notification was made
 * @param firingSince when the rule started firing (for a resolved notification: the firing that
 *     just ended)
 */
public record AlertEvent(
        String rule,
        String model,
        long sequence,
        State state,
        Severity severity,
        String condition,
        double observed,
        OptionalDouble bound,
        AlertWindow window,
        String message,
        Instant time,
        Instant firingSince) {

    public AlertEvent {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(firingSince, "firingSince");
        if (sequence < 1) {
            throw new IllegalArgumentException("an alert sequence starts at 1, not " + sequence);
        }
    }

    /** Whether a rule fires or stopped firing. */
    public enum State {
        /** The rule fires: it just started, or still does in a new window. */
        FIRING,
        /** The rule stopped firing. */
        RESOLVED;

        /** The name in webhook bodies and the history: {@code firing} or {@code resolved}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
