package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;

/**
 * A loaded model: takes a batch of rows and returns a batch of predictions, one output row per
 * input row.
 *
 * <p>Implementations are thread-safe: any number of threads may call {@link #predict} at once. A
 * predictor may hold native memory; {@link #close()} releases it, after which {@code predict}
 * fails. Closing twice is harmless.
 */
public interface Predictor extends AutoCloseable {

    /** The columns this predictor takes and returns. */
    Signature signature();

    /**
     * Predicts every row of {@code input}. Columns the signature does not name are ignored.
     *
     * @return a frame with the signature's outputs, in order, and as many rows as the input
     * @throws InvalidInputException when a column is missing or has the wrong type or width, naming
     *     the column
     * @throws IllegalStateException after {@link #close()}
     */
    Frame predict(Frame input);

    /** Releases what the predictor holds. */
    @Override
    void close();
}
