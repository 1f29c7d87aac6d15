package dev.slipway.monitor.alert;

import dev.slipway.api.SlipwayException;
import dev.slipway.monitor.alert.Transitions.Kind;
import dev.slipway.monitor.alert.Transitions.RuleState;
import dev.slipway.monitor.alert.Transitions.Step;
import dev.slipway.store.MetadataStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks alert rules against observations and notifies when a rule starts firing, keeps firing in a
 * new window, or resolves; keeps each rule's state per model, and every notification, in the
 * metadata store.
 *
 * <p>Per rule and model, {@link #check} gives:
 *
 * <ul>
 *   <li>one notification when the rule starts firing;
 *   <li>one more for each new window while it keeps firing, never two for the same window however
 *       often that window is checked;
 *   <li>one "resolved" notification when it stops firing; a later firing starts over.
 * </ul>
 *
 * A rule with no data for the window neither fires nor resolves. A window that ends before the
 * newest one already checked for that rule and model changes nothing (back-filling old windows does
 * not re-open or resolve current alerts). Since the state lives in the store, this holds across
 * restarts and across processes on the same store: on PostgreSQL the state row is locked for the
 * check, so two servers checking at once do not both notify.
 *
 * <p>Every notification is logged to the {@code slipway.monitor.alert} logger at once and, when the
 * rule has a webhook, POSTed to it in the background: {@code check} never waits for the network.
 * The delivery's outcome is recorded in the history ({@link AlertHistory}). A short-lived process
 * should call {@link #awaitDeliveries} or {@link #close} (which waits for deliveries under way, up
 * to the longest retry schedule of the configured webhooks) before it exits; a notification whose
 * delivery was cut short by a crash stays "pending" in the history.
 *
 * <p>Thread-safe. Times come from the injected {@link Clock}.
 */
public final class Alerts implements AutoCloseable {

    private final MetadataStore store;
    private final AlertRules rules;
    private final Clock clock;
    private final Optional<WebhookSender> sender;
    private volatile boolean closed;
    private final Duration closeGrace;

    /**
     * Alerts for {@code rules}, with state and history in {@code store}.
     *
     * @param store the metadata store; it must be migrated to schema 5 or newer, and stays open
     *     after {@link #close}
     * @param clock gives notification and delivery times
     */
    public Alerts(MetadataStore store, AlertRules rules, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        List<Webhook> hooks = new ArrayList<>();
        rules.webhook().ifPresent(hooks::add);
        rules.rules().forEach(r -> r.webhook().ifPresent(hooks::add));
        Duration connectTimeout =
                hooks.stream()
                        .map(Webhook::timeout)
                        .max(Duration::compareTo)
                        .orElse(Webhook.DEFAULT_TIMEOUT);
        this.closeGrace =
                hooks.stream()
                        .map(Webhook::worstCase)
                        .max(Duration::compareTo)
                        .orElse(Duration.ZERO)
                        .plusSeconds(1);
        this.sender =
                hooks.isEmpty()
                        ? Optional.empty()
                        : Optional.of(
                                new WebhookSender(clock, connectTimeout, this::recordDelivery));
    }

    /** The rules this checks. */
    public AlertRules rules() {
        return rules;
    }

    /**
     * Evaluates the rules that watch the observations' model, updates their state and gives the
     * notifications that follow.
     *
     * @return every rule's result, and the notifications made
     * @throws dev.slipway.api.StoreException when the metadata store fails; then nothing is
     *     notified and no state changes
     * @throws IllegalStateException when closed
     */
    public CheckResult check(Observations observations) {
        Objects.requireNonNull(observations, "observations");
        if (closed) {
            throw new IllegalStateException(
                    "these alerts are closed: create a new Alerts to check");
        }
        List<RuleResult> results = rules.evaluate(observations);
        if (results.isEmpty()) {
            return new CheckResult(results, List.of());
        }
        String model = observations.model();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AlertEvent> events =
                store.inTransaction(
                        "recording the alert state of model " + model,
                        c -> {
                            List<AlertEvent> made = new ArrayList<>();
                            for (RuleResult r : results) {
                                String rule = r.rule().name();
                                RuleState before =
                                        AlertRows.lockState(c, store.dialect(), rule, model, now);
                                Step step = Transitions.next(before, r, now);
                                if (!step.next().equals(before)) {
                                    AlertRows.saveState(c, rule, model, step.next(), now);
                                }
                                if (step.notification().isPresent()) {
                                    AlertEvent e = event(r, step.notification().get(), step, now);
                                    AlertRows.insertEvent(c, e, initialDelivery(r.rule()));
                                    made.add(e);
                                }
                            }
                            return made;
                        });
        for (AlertEvent e : events) {
            LogNotifier.notify(e);
            webhookOf(e.rule()).ifPresent(w -> sender.orElseThrow().send(e, w));
        }
        return new CheckResult(results, events);
    }

    /**
     * Waits until every webhook delivery started so far has succeeded or been given up, and its
     * outcome is in the history.
     *
     * @return false when {@code timeout} ran out first
     */
    public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return sender.isEmpty() || sender.get().await(timeout);
    }

    /**
     * Stops: waits for webhook deliveries under way, at most as long as the slowest configured
     * webhook's full retry schedule, and records those still unfinished as failed. The store stays
     * open.
     */
    @Override
    public void close() {
        closed = true;
        sender.ifPresent(s -> s.close(closeGrace));
    }

    private static AlertEvent event(RuleResult r, Kind kind, Step step, Instant now) {
        String status =
                switch (kind) {
                    case STARTED -> "FIRING";
                    case STILL_FIRING -> "STILL FIRING since " + Times.format(step.since());
                    case RESOLVED -> "RESOLVED";
                };
        return new AlertEvent(
                r.rule().name(),
                r.model(),
                step.next().events(),
                kind == Kind.RESOLVED ? AlertEvent.State.RESOLVED : AlertEvent.State.FIRING,
                r.rule().severity(),
                r.rule().condition().describe(),
                r.observed().orElseThrow(),
                r.bound(),
                r.window(),
                r.message(status),
                now,
                step.since());
    }

    private Delivery initialDelivery(AlertRule rule) {
        return rules.webhookFor(rule).map(Delivery::pending).orElseGet(Delivery::none);
    }

    private void recordDelivery(AlertEvent e, Delivery d) {
        if (d.status() == Delivery.Status.FAILED) {
            LogNotifier.deliveryFailed(e, d);
        }
        try {
            store.inTransaction(
                    "recording the webhook delivery of alert %s #%d for model %s"
                            .formatted(e.rule(), e.sequence(), e.model()),
                    c -> {
                        AlertRows.updateDelivery(c, e, d);
                        return null;
                    });
        } catch (SlipwayException | IllegalStateException ex) {
            LogNotifier.LOG.log(
                    Level.WARNING,
                    "the outcome of alert %s #%d for model %s (%s) could not be recorded: %s"
                            .formatted(
                                    e.rule(),
                                    e.sequence(),
                                    e.model(),
                                    d.detail(),
                                    ex.getMessage()));
        }
    }

    private Optional<Webhook> webhookOf(String name) {
        return rules.rules().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .flatMap(rules::webhookFor);
    }
}
