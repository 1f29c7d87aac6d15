package dev.slipway.train.metrics;

import java.util.Objects;

/**
 * The scores of one class of a multiclass model, as a line of scikit-learn's {@code
 * classification_report}. A ratio whose denominator is zero is 0.0, as scikit-learn's default
 * {@code zero_division} gives it.
 *
 * @param name the class name
 * @param precision of the rows predicted as this class, the share that are of it
 * @param recall of the rows of this class, the share predicted as it
 * @param f1 the harmonic mean of precision and recall, {@code 2 tp / (2 tp + fp + fn)}
 * @param support the number of rows of this class
 */
public record ClassReport(String name, double precision, double recall, double f1, long support) {

    public ClassReport {
        Objects.requireNonNull(name, "name");
        Scores.requireUnit("precision of " + name, precision);
        Scores.requireUnit("recall of " + name, recall);
        Scores.requireUnit("f1 of " + name, f1);
        if (support < 0) {
            throw new IllegalArgumentException(
                    "support of %s must be >= 0, got %d".formatted(name, support));
        }
    }
}
