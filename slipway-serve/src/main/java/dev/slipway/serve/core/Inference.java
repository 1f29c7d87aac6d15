package dev.slipway.serve.core;

import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import java.util.Objects;

/**
 * The answer to one request: the outputs of the model version that computed them.
 *
 * @param model the served model's name
 * @param version the registry version that answered (every row of a request comes from one)
 * @param signature that version's signature
 * @param inputs the request's rows as the model took them (its inputs, in its types)
 * @param outputs one row per input row
 * @param batchRows the rows of the model call this request was part of
 * @param queueNanos time spent waiting for a worker
 * @param inferNanos time spent in the model call
 */
public record Inference(
        String model,
        int version,
        Signature signature,
        Frame inputs,
        Frame outputs,
        int batchRows,
        long queueNanos,
        long inferNanos) {

    public Inference {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
    }
}
