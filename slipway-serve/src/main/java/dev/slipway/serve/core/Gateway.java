package dev.slipway.serve.core;

import dev.slipway.api.model.Frame;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one door every prediction request goes through, whatever its transport: it hands the rows to
 * the {@link InferenceCore} and tells the observers (metrics, prediction log) how the request
 * ended. Thread-safe.
 */
public final class Gateway {

    private final InferenceCore core;
    private final List<CallObserver> observers;
    private final String idPrefix;
    private final AtomicLong idCounter = new AtomicLong();

    public Gateway(InferenceCore core, List<CallObserver> observers) {
        this.core = core;
        this.observers = List.copyOf(observers);
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        this.idPrefix = HexFormat.of().formatHex(b) + "-";
    }

    /**
     * A new request id for a request that came without one: a random per-process prefix and a
     * counter, unique across replicas in practice, and cheap (no random number per request).
     */
    public String newRequestId() {
        return idPrefix + Long.toHexString(idCounter.incrementAndGet());
    }

    /** The core behind this gateway. */
    public InferenceCore core() {
        return core;
    }

    /**
     * Predicts {@code input} with {@code model} (at {@code version} when given). The future fails
     * with the error to report.
     */
    public CompletableFuture<Inference> infer(
            Call call, String model, OptionalInt version, Frame input) {
        CompletableFuture<Inference> f = core.infer(model, version, input);
        if (f.isDone() && !f.isCompletedExceptionally()) {
            answered(call, f.join());
            return f;
        }
        return f.whenComplete(
                (r, e) -> {
                    if (e == null) {
                        answered(call, r);
                    } else {
                        failed(call, model, e);
                    }
                });
    }

    /** Reports a request that failed before it reached a model (e.g. it could not be decoded). */
    public void failed(Call call, String model, Throwable error) {
        for (CallObserver o : observers) {
            o.failed(call, model, error);
        }
    }

    private void answered(Call call, Inference r) {
        for (CallObserver o : observers) {
            o.answered(call, r);
        }
    }
}
