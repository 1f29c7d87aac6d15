package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import java.util.Locale;
import java.util.Objects;

/**
 * A tuning: the training it searches around, the parameter values to try and how.
 *
 * @param base the data, target, algorithm, fixed parameters, seed and hold-out; each trial adds its
 *     values to the fixed parameters
 * @param space the values to try
 * @param strategy random draws or every combination
 * @param trials how many parameter sets to try (a grid stops there too)
 * @param folds K of the K-fold cross-validation on the training rows
 * @param earlyStopping rounds without improvement on a fold's held-out part before it stops
 * @param maxRounds the most boosting rounds a trial may use, unless it sets num_round itself
 */
public record TuneSpec(
        TrainSpec base,
        SearchSpace space,
        Strategy strategy,
        int trials,
        int folds,
        int earlyStopping,
        int maxRounds) {

    /** How trials are chosen. */
    public enum Strategy {
        /** Draws from the space with the seed. */
        RANDOM,
        /** Every combination of listed values, in order. */
        GRID;

        /** Parses {@code random} or {@code grid}. */
        public static Strategy fromLabel(String label) {
            return switch (label.toLowerCase(Locale.ROOT)) {
                case "random" -> RANDOM;
                case "grid" -> GRID;
                default ->
                        throw InvalidInputException.of(
                                "--strategy",
                                "unknown strategy '%s'; use random or grid".formatted(label));
            };
        }
    }

    public TuneSpec {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(strategy, "strategy");
        if (trials < 1) {
            throw InvalidInputException.of("--trials", "--trials must be 1 or more, got " + trials);
        }
        if (folds < 2) {
            throw InvalidInputException.of("--folds", "--folds must be 2 or more, got " + folds);
        }
        if (earlyStopping < 1) {
            throw InvalidInputException.of(
                    "--early-stopping", "--early-stopping must be 1 or more, got " + earlyStopping);
        }
        if (maxRounds < 1) {
            throw InvalidInputException.of(
                    "--max-rounds", "--max-rounds must be 1 or more, got " + maxRounds);
        }
    }

    /** A random search of {@code trials} trials with 5 folds, early stopping after 30 rounds. */
    public static TuneSpec of(TrainSpec base, SearchSpace space, int trials) {
        return new TuneSpec(base, space, Strategy.RANDOM, trials, 5, 30, 1000);
    }
}
