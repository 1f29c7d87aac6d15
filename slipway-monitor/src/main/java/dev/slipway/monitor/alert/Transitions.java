package dev.slipway.monitor.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * The state machine of one rule for one model: which evaluations give a notification.
 *
 * <ul>
 *   <li>Not firing, result FIRING: starts firing, notifies ({@link Kind#STARTED}).
 *   <li>Firing, result FIRING in a window other than the last notified one: notifies once for that
 *       window ({@link Kind#STILL_FIRING}); evaluating the same window again does not.
 *   <li>Firing, result OK: resolves, notifies ({@link Kind#RESOLVED}).
 *   <li>Result NO_DATA: nothing changes; a firing rule keeps firing.
 *   <li>A window that ends before the newest window already seen is stale: nothing changes, so that
 *       back-filling old windows does not re-open or resolve today's alerts.
 * </ul>
 */
final class Transitions {

    private Transitions() {}

    /** What a notification says about the rule's firing. */
    enum Kind {
        STARTED,
        STILL_FIRING,
        RESOLVED
    }

    /**
     * The persisted state of one rule for one model.
     *
     * @param firing whether it fires
     * @param firingSince when it started firing; present exactly while firing
     * @param lastWindow the newest window evaluated
     * @param notifiedWindow the window of the last firing notification
     * @param events how many notifications it gave
     */
    record RuleState(
            boolean firing,
            Optional<Instant> firingSince,
            Optional<AlertWindow> lastWindow,
            Optional<AlertWindow> notifiedWindow,
            long events) {

        static RuleState initial() {
            return new RuleState(false, Optional.empty(), Optional.empty(), Optional.empty(), 0);
        }
    }

    /**
     * The next state and the notification to give, if any.
     *
     * @param since when the rule started firing, for the notification (for RESOLVED: the firing
     *     that ended)
     */
    record Step(RuleState next, Optional<Kind> notification, Instant since) {}

    static Step next(RuleState s, RuleResult r, Instant now) {
        AlertWindow w = r.window();
        boolean stale = s.lastWindow().map(last -> w.end().isBefore(last.end())).orElse(false);
        if (stale) {
            return new Step(s, Optional.empty(), now);
        }
        Optional<AlertWindow> last = Optional.of(w);
        return switch (r.outcome()) {
            case NO_DATA ->
                    new Step(
                            new RuleState(
                                    s.firing(),
                                    s.firingSince(),
                                    last,
                                    s.notifiedWindow(),
                                    s.events()),
                            Optional.empty(),
                            now);
            case OK -> {
                if (!s.firing()) {
                    yield new Step(
                            new RuleState(
                                    false, Optional.empty(), last, s.notifiedWindow(), s.events()),
                            Optional.empty(),
                            now);
                }
                yield new Step(
                        new RuleState(
                                false, Optional.empty(), last, s.notifiedWindow(), s.events() + 1),
                        Optional.of(Kind.RESOLVED),
                        s.firingSince().orElse(now));
            }
            case FIRING -> {
                if (!s.firing()) {
                    yield new Step(
                            new RuleState(true, Optional.of(now), last, last, s.events() + 1),
                            Optional.of(Kind.STARTED),
                            now);
                }
                Instant since = s.firingSince().orElse(now);
                if (s.notifiedWindow().equals(last)) {
                    yield new Step(
                            new RuleState(true, Optional.of(since), last, last, s.events()),
                            Optional.empty(),
                            since);
                }
                yield new Step(
                        new RuleState(true, Optional.of(since), last, last, s.events() + 1),
                        Optional.of(Kind.STILL_FIRING),
                        since);
            }
        };
    }
}
