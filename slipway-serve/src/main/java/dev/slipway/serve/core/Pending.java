package dev.slipway.serve.core;

import dev.slipway.api.model.Frame;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** One request waiting in a model's queue. */
record Pending(
        Frame input,
        OptionalInt version,
        CompletableFuture<Inference> result,
        long enqueuedNanos,
        long deadlineNanos) {}
