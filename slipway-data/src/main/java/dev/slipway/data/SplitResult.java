package dev.slipway.data;

import java.util.Objects;

/**
 * The two versions a split produced (or found, when the same split was made before).
 *
 * @param train the train part
 * @param test the test part
 */
public record SplitResult(DatasetVersion train, DatasetVersion test) {
    public SplitResult {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
