package dev.slipway.monitor.alert;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link Alerts#check} found and notified.
 *
 * <p>Immutable.
 *
 * @param results one per rule that watches the model, in rules-file order
 * @param notifications the notifications this check made (started, still firing in a new window,
 *     resolved); empty when nothing changed
 */
public record CheckResult(List<RuleResult> results, List<AlertEvent> notifications) {

    public CheckResult {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        notifications = List.copyOf(Objects.requireNonNull(notifications, "notifications"));
    }

    /** Whether any rule fires in the window, notified now or before. */
    public boolean anyFiring() {
        return results.stream().anyMatch(RuleResult::firing);
    }

    /** The results of the rules that fire. */
    public List<RuleResult> firing() {
        return results.stream().filter(RuleResult::firing).toList();
    }
}
