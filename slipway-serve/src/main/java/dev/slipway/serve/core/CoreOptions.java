package dev.slipway.serve.core;

import dev.slipway.api.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the inference core queues, batches and times out requests, and how often it looks for moved
 * aliases.
 *
 * @param maxBatchRows the most rows one call to a model carries
 * @param maxDelay how long a worker waits for more requests to fill a batch once it has one; zero
 *     (the default) batches only what has already queued, so an idle server adds no delay
 * @param queueCapacityRows the most rows waiting per model; beyond it requests are refused with 503
 * @param timeout how long a request may wait in the queue before it is answered with 503
 * @param workers threads calling each model
 * @param inlineMaxRows requests up to this many rows run on the caller's thread when a worker is
 *     free and nothing is queued (no hand-over between threads)
 * @param pollInterval how often aliases are checked for moves; zero turns polling off
 */
public record CoreOptions(
        int maxBatchRows,
        Duration maxDelay,
        int queueCapacityRows,
        Duration timeout,
        int workers,
        int inlineMaxRows,
        Duration pollInterval) {

    public CoreOptions {
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        positive("max batch rows", maxBatchRows);
        positive("queue capacity", queueCapacityRows);
        positive("workers", workers);
        if (inlineMaxRows < 0
                || maxDelay.isNegative()
                || timeout.isNegative()
                || timeout.isZero()
                || pollInterval.isNegative()) {
            throw InvalidInputException.of(
                    "serve options",
                    "negative or zero limits are not allowed: inline rows %d, max delay %s, timeout %s, poll %s"
                            .formatted(inlineMaxRows, maxDelay, timeout, pollInterval));
        }
    }

    /**
     * Defaults that help throughput under load without delaying a lone request: batches of up to
     * 256 rows from whatever queued meanwhile, 100,000 queued rows per model, a 30 s timeout, one
     * worker per core, small requests inline, aliases checked every 2 s.
     */
    public static CoreOptions defaults() {
        return new CoreOptions(
                256,
                Duration.ZERO,
                100_000,
                Duration.ofSeconds(30),
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                64,
                Duration.ofSeconds(2));
    }

    /** The same options with another queue capacity. */
    public CoreOptions withQueueCapacityRows(int value) {
        return new CoreOptions(
                maxBatchRows, maxDelay, value, timeout, workers, inlineMaxRows, pollInterval);
    }

    /** The same options with other batching limits. */
    public CoreOptions withBatching(int rows, Duration delay) {
        return new CoreOptions(
                rows, delay, queueCapacityRows, timeout, workers, inlineMaxRows, pollInterval);
    }

    /** The same options with another worker count and inline limit. */
    public CoreOptions withWorkers(int count, int inlineRows) {
        return new CoreOptions(
                maxBatchRows,
                maxDelay,
                queueCapacityRows,
                timeout,
                count,
                inlineRows,
                pollInterval);
    }

    /** The same options with another timeout. */
    public CoreOptions withTimeout(Duration value) {
        return new CoreOptions(
                maxBatchRows,
                maxDelay,
                queueCapacityRows,
                value,
                workers,
                inlineMaxRows,
                pollInterval);
    }

    /** The same options with another alias poll interval (zero: off). */
    public CoreOptions withPollInterval(Duration value) {
        return new CoreOptions(
                maxBatchRows, maxDelay, queueCapacityRows, timeout, workers, inlineMaxRows, value);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw InvalidInputException.of(
                    "serve options", "%s must be 1 or more, got %d".formatted(what, value));
        }
    }
}
