package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import java.util.Objects;

/** The rows a model is evaluated on, never trained on. */
public sealed interface Holdout {

    /**
     * A seeded random share of the training dataset's rows: the same dataset version, fraction and
     * seed always hold out the same rows.
     */
    record Fraction(double fraction) implements Holdout {
        public Fraction {
            if (!(fraction > 0 && fraction < 1)) {
                throw InvalidInputException.of(
                        "--test-fraction",
                        "the test fraction must be between 0 and 1 (e.g. 0.2), got " + fraction);
            }
        }

        @Override
        public String toString() {
            return "fraction " + fraction;
        }
    }

    /** Another dataset version with the same columns, e.g. a published test set. */
    record TestSet(DatasetRef dataset) implements Holdout {
        public TestSet {
            Objects.requireNonNull(dataset, "dataset");
        }

        @Override
        public String toString() {
            return dataset.toString();
        }
    }
}
