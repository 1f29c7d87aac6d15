package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import java.util.Locale;

/** The kind of model to train, all with XGBoost. */
public enum Algorithm {
    /** Gradient-boosted decision trees. */
    GBDT,
    /** A random forest: many trees grown in one round on row and column samples. */
    RF,
    /** A linear model (XGBoost's gblinear booster). */
    LINEAR;

    /** The lower-case name used in options and run records. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()}. */
    public static Algorithm fromLabel(String label) {
        for (Algorithm a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        throw InvalidInputException.of(
                "--algo", "unknown algorithm '%s'; use gbdt, rf or linear".formatted(label));
    }
}
