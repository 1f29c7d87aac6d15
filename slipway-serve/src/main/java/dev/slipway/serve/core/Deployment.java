package dev.slipway.serve.core;

import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded model version, shared by the requests using it. It is reference counted: the slot that
 * serves it holds one reference, every model call holds another, and the predictor is closed when
 * the last one is released, so a swapped-out version finishes its calls before it is closed.
 */
final class Deployment {

    final int version;
    final String format;
    final Predictor predictor;
    final Signature signature;
    final Instant loadedAt;
    final long loadMillis;
    private final AtomicInteger refs = new AtomicInteger(1);

    Deployment(int version, String format, Predictor predictor, Instant loadedAt, long loadMillis) {
        this.version = version;
        this.format = format;
        this.predictor = predictor;
        this.signature = predictor.signature();
        this.loadedAt = loadedAt;
        this.loadMillis = loadMillis;
    }

    /** Takes a reference; false when the deployment is already closed. */
    boolean acquire() {
        while (true) {
            int r = refs.get();
            if (r == 0) {
                return false;
            }
            if (refs.compareAndSet(r, r + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the predictor. */
    void release() {
        if (refs.decrementAndGet() == 0) {
            predictor.close();
        }
    }
}
