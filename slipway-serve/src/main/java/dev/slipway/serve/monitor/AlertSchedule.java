package dev.slipway.serve.monitor;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.Observe;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.alert.AlertRules;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.alert.Alerts;
import dev.slipway.monitor.alert.CheckResult;
import dev.slipway.monitor.alert.Observations;
import dev.slipway.monitor.log.Range;
import dev.slipway.store.MetadataStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Checks alert rules while the server runs: every {@link AlertOptions#every()}, on a thread of its
 * own, for each served model that a rule watches, it observes the prediction log's rows of the last
 * {@link AlertOptions#window()} (see {@link #window}) against the model's training data ({@link
 * Observe}), adds the error rate the server counted over the same window ({@link RequestCounts}),
 * and hands the observations to {@link Alerts}, which records the state and sends the
 * notifications. While a rule keeps firing, each interval brings a new window and so one "still
 * firing" notification.
 *
 * <p>A model whose training data Slipway does not know (an imported model) is still checked for
 * latency and error rate; its drift, quality and performance rules say "no data". A check that
 * fails is logged (once until its message changes) and retried at the next tick; it never stops the
 * schedule nor touches serving.
 *
 * <p>Thread-safe. {@link #close} stops the schedule, waits for a check under way, and closes the
 * {@link Alerts}, which waits for webhook deliveries under way.
 */
public final class AlertSchedule implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("slipway.serve.monitor");

    private final AlertOptions options;
    private final Alerts alerts;
    private final Monitor monitor;
    private final Supplier<? extends Collection<String>> models;
    private final RequestCounts counts;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private final Map<String, Boolean> withoutTrainingData = new ConcurrentHashMap<>();

    private AlertSchedule(
            AlertOptions options,
            Alerts alerts,
            Monitor monitor,
            Supplier<? extends Collection<String>> models,
            RequestCounts counts,
            Clock clock) {
        this.options = options;
        this.alerts = alerts;
        this.monitor = monitor;
        this.models = models;
        this.counts = counts;
        this.clock = clock;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("slipway-alerts").daemon().factory());
    }

    /**
     * Reads the rules file and starts checking; the first check runs one interval from now.
     *
     * @param store where the alert state and history are kept
     * @param models the names of the models served now, asked at every check
     * @param counts the server's request counts, for the error rate
     * @throws InvalidInputException when the rules file is missing or wrong (the message says
     *     where)
     */
    public static AlertSchedule start(
            AlertOptions options,
            MetadataStore store,
            Monitor monitor,
            Supplier<? extends Collection<String>> models,
            RequestCounts counts,
            Clock clock) {
        Objects.requireNonNull(options, "options");
        AlertRules rules = AlertRules.load(options.rules());
        AlertSchedule s =
                new AlertSchedule(
                        options,
                        new Alerts(store, rules, clock),
                        Objects.requireNonNull(monitor, "monitor"),
                        Objects.requireNonNull(models, "models"),
                        Objects.requireNonNull(counts, "counts"),
                        Objects.requireNonNull(clock, "clock"));
        long every = options.every().toMillis();
        s.timer.scheduleWithFixedDelay(
                s::checkAll, Math.max(1, every), Math.max(1, every), TimeUnit.MILLISECONDS);
        LOG.log(
                Level.INFO,
                "checking %d alert rule(s) of %s every %s over the last %s"
                        .formatted(
                                rules.rules().size(),
                                options.rules(),
                                text(options.every()),
                                text(options.window())));
        return s;
    }

    /** The rules being checked. */
    public AlertRules rules() {
        return alerts.rules();
    }

    /**
     * The window a check at {@code now} looks at: {@code [end - window, end)}, where {@code end} is
     * {@code now} rounded down to a multiple of the interval since the epoch. Every check in one
     * interval, on any replica, sees the same window, so that the alerts (whose state is shared in
     * the store) notify once per window between them.
     */
    static AlertWindow window(Instant now, AlertOptions options) {
        long every = options.every().toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), every) * every);
        return new AlertWindow(end.minus(options.window()), end);
    }

    /** Checks every served model that a rule watches, now, on the calling thread. */
    void checkAll() {
        try {
            AlertWindow window = window(clock.instant(), options);
            for (String model : models.get()) {
                if (!alerts.rules().rulesFor(model).isEmpty()) {
                    check(model, window);
                }
            }
            counts.forgetBefore(window.start());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the alert check failed: " + e.getMessage(), e);
        }
    }

    private void check(String model, AlertWindow window) {
        try {
            CheckResult r = alerts.check(observe(model, window));
            if (failing.remove(model) != null) {
                LOG.log(Level.INFO, "alert checks of model %s work again".formatted(model));
            }
            LOG.log(
                    Level.DEBUG,
                    "alert check of model %s over %s: %d rule(s), %d notification(s)"
                            .formatted(
                                    model, window, r.results().size(), r.notifications().size()));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(failing.put(model, message))) {
                LOG.log(
                        Level.WARNING,
                        "alert check of model %s over %s failed; retrying every %s: %s"
                                .formatted(model, window, text(options.every()), message),
                        e instanceof InvalidInputException || e instanceof NotFoundException
                                ? null
                                : e);
            }
        }
    }

    private Observations observe(String model, AlertWindow window) {
        OptionalDouble errorRate = counts.errorRate(model, window);
        try {
            Observations o =
                    Observe.observe(
                            monitor, model, window, new ReferenceData.Training(), errorRate);
            withoutTrainingData.remove(model);
            return o;
        } catch (InvalidInputException e) {
            if (!"reference".equals(e.source())) {
                throw e;
            }
            if (withoutTrainingData.put(model, true) == null) {
                LOG.log(
                        Level.INFO,
                        "model %s: only its latency and error rate are checked, not drift, quality nor performance: %s"
                                .formatted(model, e.getMessage()));
            }
        }
        Observations.Builder b = Observations.builder(model, window);
        errorRate.ifPresent(b::errorRate);
        try {
            monitor.latencyMillis(
                            new CurrentData.Log(model, Range.between(window.start(), window.end())))
                    .filter(l -> Double.isFinite(l[1]) && l[1] >= 0)
                    .ifPresent(l -> b.latencyP99Millis(l[1]));
        } catch (NotFoundException e) {
            // No log yet: no latency to observe.
        }
        return b.build();
    }

    /** {@code 5m}, {@code 1h}, {@code 1d}, {@code 250ms}: the largest unit that is exact. */
    static String text(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    /** Stops checking, waits up to {@code wait} for a check under way, closes the alerts. */
    public void close(Duration wait) {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(
                        Level.WARNING,
                        "an alert check was still running after %s; stopping without it"
                                .formatted(wait));
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        alerts.close();
    }

    /** {@link #close(Duration)} waiting up to 30 seconds for a check under way. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
