package dev.slipway.serve.core;

/** Told about every request the {@link Gateway} finishes: the metrics and the prediction log. */
public interface CallObserver {

    /** A request was answered. Must not block. */
    void answered(Call call, Inference result);

    /** A request failed; {@code model} is empty when the request named none. Must not block. */
    default void failed(Call call, String model, Throwable error) {}
}
