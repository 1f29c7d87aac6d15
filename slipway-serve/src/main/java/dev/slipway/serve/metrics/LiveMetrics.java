package dev.slipway.serve.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's own numbers as they move, for each model and for the whole server: requests and
 * errors since the server started and over a recent window of about {@link #WINDOW}, with the
 * latency percentiles, queue waits and batch sizes of that window. Read from the meters {@link
 * ServeMetrics} keeps; each read is compared with an earlier one kept in a small ring (at most one
 * kept per second), so the numbers need no timer of their own. Thread-safe.
 */
public final class LiveMetrics {

    /** How far back the rates and percentiles look, when the server has been up that long. */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    private static final long WINDOW_NANOS = WINDOW.toNanos();
    private static final long SPACING_NANOS = Duration.ofSeconds(1).toNanos();

    private final MeterRegistry registry;
    private final Clock clock;
    private final ArrayDeque<Sample> ring = new ArrayDeque<>();

    LiveMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        // Every meter starts at zero with the server: the first window runs from here.
        ring.add(new Sample(clock.monotonicTime(), Map.of()));
    }

    /** The numbers now, with the window compared against. */
    public synchronized Snapshot read() {
        long now = clock.monotonicTime();
        Sample current = new Sample(now, readings());
        while (ring.size() > 1 && now - second().nanos() >= WINDOW_NANOS) {
            ring.removeFirst();
        }
        Sample ref = ring.getFirst();
        // After a long quiet spell, a younger sample (at least a second old) is closer to "now".
        if (now - ref.nanos() > 3 * WINDOW_NANOS
                && ring.size() > 1
                && now - second().nanos() >= SPACING_NANOS) {
            ref = second();
        }
        if (now - ring.getLast().nanos() >= SPACING_NANOS) {
            ring.addLast(current);
        }
        Duration window = Duration.ofNanos(Math.max(1, now - ref.nanos()));
        Map<String, Stats> models = new TreeMap<>();
        Reading all = Reading.ZERO;
        Reading allBefore = Reading.ZERO;
        for (var e : current.models().entrySet()) {
            Reading before = ref.models().getOrDefault(e.getKey(), Reading.ZERO);
            all = all.plus(e.getValue());
            allBefore = allBefore.plus(before);
            if (!e.getKey().isEmpty()) {
                models.put(e.getKey(), stats(e.getValue(), before, window));
            }
        }
        return new Snapshot(
                Instant.ofEpochMilli(clock.wallTime()),
                window,
                Collections.unmodifiableMap(models),
                stats(all, allBefore, window));
    }

    private Sample second() {
        var it = ring.iterator();
        it.next();
        return it.next();
    }

    private static Stats stats(Reading now, Reading before, Duration window) {
        Map<String, Long> windowStatuses = new TreeMap<>();
        now.statuses()
                .forEach(
                        (s, n) ->
                                windowStatuses.put(
                                        s, Math.max(0, n - before.statuses().getOrDefault(s, 0L))));
        Buckets latency = now.latency().minus(before.latency());
        Buckets queue = now.queue().minus(before.queue());
        Buckets rows = now.rows().minus(before.rows());
        long windowRequests = sum(windowStatuses);
        List<Bucket> histogram = new ArrayList<>();
        long[] per = rows.perBucket();
        for (int i = 0; i < rows.bounds().length; i++) {
            if (per[i] > 0) {
                histogram.add(new Bucket(rows.bounds()[i], per[i]));
            }
        }
        if (per.length > 0 && per[per.length - 1] > 0) {
            histogram.add(new Bucket(Double.POSITIVE_INFINITY, per[per.length - 1]));
        }
        return new Stats(
                sum(now.statuses()),
                errors(now.statuses()),
                windowRequests,
                errors(windowStatuses),
                windowRequests * 1e9 / window.toNanos(),
                new Latency(
                        latency.count(),
                        latency.mean(),
                        latency.quantile(0.5),
                        latency.quantile(0.99)),
                new Latency(queue.count(), queue.mean(), queue.quantile(0.5), queue.quantile(0.99)),
                new Batches(
                        now.rows().count(),
                        Math.round(now.rows().sum()),
                        rows.count(),
                        rows.mean(),
                        now.rowsMax(),
                        List.copyOf(histogram)));
    }

    private static long sum(Map<String, Long> statuses) {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> errors(Map<String, Long> statuses) {
        Map<String, Long> out = new TreeMap<>(statuses);
        out.remove(ServeMetrics.OK);
        out.values().removeIf(n -> n == 0);
        return Collections.unmodifiableMap(out);
    }

    private Map<String, Reading> readings() {
        Map<String, Map<String, Long>> statuses = new HashMap<>();
        for (Counter c : registry.find(ServeMetrics.REQUESTS).counters()) {
            statuses.computeIfAbsent(model(c), k -> new HashMap<>())
                    .merge(c.getId().getTag("status"), Math.round(c.count()), Long::sum);
        }
        Map<String, Buckets> latency = timers(ServeMetrics.REQUEST_SECONDS);
        Map<String, Buckets> queue = timers(ServeMetrics.QUEUE_SECONDS);
        Map<String, Buckets> rows = new HashMap<>();
        Map<String, Double> rowsMax = new HashMap<>();
        for (DistributionSummary s : registry.find(ServeMetrics.BATCH_ROWS).summaries()) {
            var snap = s.takeSnapshot();
            rows.merge(model(s), Buckets.of(snap, null), Buckets::plus);
            rowsMax.merge(model(s), snap.max(), Math::max);
        }
        Map<String, Reading> out = new HashMap<>();
        for (String m : statuses.keySet()) {
            out.put(m, Reading.ZERO);
        }
        for (String m : rows.keySet()) {
            out.put(m, Reading.ZERO);
        }
        out.replaceAll(
                (m, zero) ->
                        new Reading(
                                Map.copyOf(statuses.getOrDefault(m, Map.of())),
                                latency.getOrDefault(m, Buckets.EMPTY),
                                queue.getOrDefault(m, Buckets.EMPTY),
                                rows.getOrDefault(m, Buckets.EMPTY),
                                rowsMax.containsKey(m)
                                        ? OptionalDouble.of(rowsMax.get(m))
                                        : OptionalDouble.empty()));
        return out;
    }

    private Map<String, Buckets> timers(String name) {
        Map<String, Buckets> out = new HashMap<>();
        for (Timer t : registry.find(name).timers()) {
            out.merge(model(t), Buckets.of(t.takeSnapshot(), TimeUnit.MILLISECONDS), Buckets::plus);
        }
        return out;
    }

    private static String model(io.micrometer.core.instrument.Meter m) {
        String model = m.getId().getTag("model");
        return model == null ? "" : model;
    }

    /** The meters of one model (or of all) at one instant. */
    private record Reading(
            Map<String, Long> statuses,
            Buckets latency,
            Buckets queue,
            Buckets rows,
            OptionalDouble rowsMax) {

        static final Reading ZERO =
                new Reading(
                        Map.of(),
                        Buckets.EMPTY,
                        Buckets.EMPTY,
                        Buckets.EMPTY,
                        OptionalDouble.empty());

        Reading plus(Reading o) {
            Map<String, Long> s = new HashMap<>(statuses);
            o.statuses.forEach((k, v) -> s.merge(k, v, Long::sum));
            OptionalDouble max = rowsMax;
            if (o.rowsMax.isPresent()) {
                max = OptionalDouble.of(Math.max(o.rowsMax.getAsDouble(), rowsMax.orElse(0)));
            }
            return new Reading(
                    s, latency.plus(o.latency), queue.plus(o.queue), rows.plus(o.rows), max);
        }
    }

    private record Sample(long nanos, Map<String, Reading> models) {}

    /**
     * The numbers at one instant.
     *
     * @param at when they were read
     * @param window how far back the window's numbers look (about {@link #WINDOW}; shorter while
     *     the server is young, longer when no one has read them for a while)
     * @param models each model that has answered or failed a request, by name
     * @param total the whole server, including requests that named no model
     */
    public record Snapshot(Instant at, Duration window, Map<String, Stats> models, Stats total) {}

    /**
     * One model's (or the server's) numbers.
     *
     * @param requests requests since the server started, answered or not
     * @param errors failed requests since the server started, by kind ({@code invalid}, {@code
     *     unavailable}, ...; see {@code ErrorKind#label}); kinds that never happened are left out
     * @param windowRequests requests in the window
     * @param windowErrors failed requests in the window, by kind
     * @param perSecond requests per second over the window
     * @param latency time from arrival to answer over the window, in milliseconds
     * @param queueWait time waiting in the model's queue over the window, in milliseconds
     * @param batches the rows per model call
     */
    public record Stats(
            long requests,
            Map<String, Long> errors,
            long windowRequests,
            Map<String, Long> windowErrors,
            double perSecond,
            Latency latency,
            Latency queueWait,
            Batches batches) {}

    /**
     * Durations over the window, in milliseconds: percentiles are estimated from the histogram's
     * buckets (0.1 ms to 5 s), interpolated within a bucket; all are empty when the window saw
     * none.
     *
     * @param count how many durations the window saw
     * @param mean their mean
     * @param p50 the median
     * @param p99 the 99th percentile
     */
    public record Latency(
            long count, OptionalDouble mean, OptionalDouble p50, OptionalDouble p99) {}

    /**
     * Rows per model call (a batch joins the rows of one or more requests).
     *
     * @param calls model calls since the server started
     * @param rows rows predicted since the server started
     * @param windowCalls model calls in the window
     * @param windowMean the mean rows per call in the window; empty when there was none
     * @param maxRecent the largest batch of about the last minute (Micrometer's decaying maximum)
     * @param histogram the window's calls by batch size: calls of at most {@code rows} rows (and
     *     more than the bucket before), only buckets with calls
     */
    public record Batches(
            long calls,
            long rows,
            long windowCalls,
            OptionalDouble windowMean,
            OptionalDouble maxRecent,
            List<Bucket> histogram) {}

    /**
     * One bucket of a histogram.
     *
     * @param upTo its upper bound (infinite for the bucket above the last bound)
     * @param count how many fell in it
     */
    public record Bucket(double upTo, long count) {}
}
