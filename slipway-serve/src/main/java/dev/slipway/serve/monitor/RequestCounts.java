package dev.slipway.serve.monitor;

import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.CallObserver;
import dev.slipway.serve.core.Inference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The server's own count of answered and failed requests per model, in time buckets, for the error
 * rate of the alert rules: the prediction log holds only answers.
 *
 * <p>A request counts as failed whatever the error (bad input, a full queue, a timeout, a fault of
 * the server): the share of a model's requests that got no prediction. Requests that name no model,
 * or a model {@code counted} refuses (one not served), are not counted, so that requests for
 * made-up names cannot grow the counts. Buckets are 1/60 of the window long (at least a second), so
 * a rate over a window is exact to a bucket at its start; buckets before what a window needs are
 * dropped by {@link #forgetBefore}.
 *
 * <p>Thread-safe; recording is lock-free for a bucket that exists and never blocks.
 */
public final class RequestCounts implements CallObserver {

    private final Clock clock;
    private final long bucketMillis;
    private final Predicate<String> counted;
    private final Map<String, Map<Long, Bucket>> models = new ConcurrentHashMap<>();

    /**
     * Counts for rates over windows of {@code window}.
     *
     * @param counted which model names to count
     */
    public RequestCounts(Duration window, Clock clock, Predicate<String> counted) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counted = Objects.requireNonNull(counted, "counted");
        this.bucketMillis = Math.max(1000, window.toMillis() / 60);
    }

    private record Bucket(LongAdder answered, LongAdder failed) {
        Bucket() {
            this(new LongAdder(), new LongAdder());
        }
    }

    @Override
    public void answered(Call call, Inference result) {
        bucket(result.model()).answered().increment();
    }

    @Override
    public void failed(Call call, String model, Throwable error) {
        if (model != null && !model.isEmpty() && counted.test(model)) {
            bucket(model).failed().increment();
        }
    }

    private Bucket bucket(String model) {
        long b = clock.millis() / bucketMillis;
        return models.computeIfAbsent(model, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(b, k -> new Bucket());
    }

    /**
     * The share of {@code model}'s requests in {@code window} that failed, 0 to 1; empty when it
     * had none.
     */
    public OptionalDouble errorRate(String model, AlertWindow window) {
        Map<Long, Bucket> buckets = models.get(model);
        if (buckets == null) {
            return OptionalDouble.empty();
        }
        long first = window.start().toEpochMilli() / bucketMillis;
        long last = (window.end().toEpochMilli() - 1) / bucketMillis;
        long answered = 0;
        long failed = 0;
        for (Map.Entry<Long, Bucket> e : buckets.entrySet()) {
            long k = e.getKey();
            if (k >= first && k <= last) {
                answered += e.getValue().answered().sum();
                failed += e.getValue().failed().sum();
            }
        }
        long total = answered + failed;
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(failed / (double) total);
    }

    /** Drops the buckets that end at or before the start of the bucket holding {@code time}. */
    public void forgetBefore(Instant time) {
        long first = time.toEpochMilli() / bucketMillis;
        for (Map<Long, Bucket> buckets : models.values()) {
            buckets.keySet().removeIf(k -> k < first);
        }
    }
}
