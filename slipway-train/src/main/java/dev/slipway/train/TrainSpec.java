package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import dev.slipway.api.model.UnseenCategoryPolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to train: the data, the target, the algorithm and its parameters, the seed, the rows held
 * out for evaluation and the name to register the model under.
 *
 * @param data the training dataset version
 * @param target the column to predict
 * @param algorithm the kind of model
 * @param params XGBoost parameters given by the user, by XGBoost's names; defaults fill the rest
 * @param seed the seed for the hold-out split and for XGBoost's sampling
 * @param holdout the rows the model is evaluated on
 * @param task the task, when the user chose it rather than letting it follow from the target
 * @param exclude columns never to use as features
 * @param unseen what the served model does with a category training never saw
 * @param threshold the probability above which a binary model predicts the positive class
 * @param modelName the registered model's name; empty for the dataset's name and the target
 */
public record TrainSpec(
        DatasetRef data,
        String target,
        Algorithm algorithm,
        Map<String, String> params,
        long seed,
        Holdout holdout,
        Optional<Task> task,
        List<String> exclude,
        UnseenCategoryPolicy unseen,
        double threshold,
        Optional<String> modelName) {

    public TrainSpec {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(algorithm, "algorithm");
        params = Map.copyOf(new TreeMap<>(params));
        Objects.requireNonNull(holdout, "holdout");
        Objects.requireNonNull(task, "task");
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(unseen, "unseen");
        Objects.requireNonNull(modelName, "modelName");
        modelName.ifPresent(ModelRef::requireValidName);
        if (target.isBlank()) {
            throw InvalidInputException.of("--target", "name the column to predict with --target");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw InvalidInputException.of(
                    "--threshold",
                    "the decision threshold must be between 0 and 1 (e.g. 0.5), got " + threshold);
        }
        if (exclude.contains(target)) {
            throw InvalidInputException.of(
                    "--exclude",
                    "the target '%s' is also excluded; the target is never a feature, so leave it out of --exclude"
                            .formatted(target));
        }
    }

    /** A spec with the defaults: gbdt, seed 42, 20% held out, unseen categories as missing. */
    public static TrainSpec of(DatasetRef data, String target) {
        return new TrainSpec(
                data,
                target,
                Algorithm.GBDT,
                Map.of(),
                42,
                new Holdout.Fraction(0.2),
                Optional.empty(),
                List.of(),
                UnseenCategoryPolicy.MISSING,
                0.5,
                Optional.empty());
    }

    /** This spec with another algorithm. */
    public TrainSpec withAlgorithm(Algorithm value) {
        return new TrainSpec(
                data, target, value, params, seed, holdout, task, exclude, unseen, threshold,
                modelName);
    }

    /** This spec with other parameters. */
    public TrainSpec withParams(Map<String, String> value) {
        return new TrainSpec(
                data, target, algorithm, value, seed, holdout, task, exclude, unseen, threshold,
                modelName);
    }

    /** This spec with another seed. */
    public TrainSpec withSeed(long value) {
        return new TrainSpec(
                data, target, algorithm, params, value, holdout, task, exclude, unseen, threshold,
                modelName);
    }

    /** This spec with other held-out rows. */
    public TrainSpec withHoldout(Holdout value) {
        return new TrainSpec(
                data, target, algorithm, params, seed, value, task, exclude, unseen, threshold,
                modelName);
    }

    /** This spec with a chosen task. */
    public TrainSpec withTask(Task value) {
        return new TrainSpec(
                data,
                target,
                algorithm,
                params,
                seed,
                holdout,
                Optional.of(value),
                exclude,
                unseen,
                threshold,
                modelName);
    }

    /** This spec with columns left out of the features. */
    public TrainSpec withExclude(List<String> value) {
        return new TrainSpec(
                data, target, algorithm, params, seed, holdout, task, value, unseen, threshold,
                modelName);
    }

    /** This spec with another policy for unseen categories. */
    public TrainSpec withUnseen(UnseenCategoryPolicy value) {
        return new TrainSpec(
                data, target, algorithm, params, seed, holdout, task, exclude, value, threshold,
                modelName);
    }

    /** This spec with another decision threshold. */
    public TrainSpec withThreshold(double value) {
        return new TrainSpec(
                data, target, algorithm, params, seed, holdout, task, exclude, unseen, value,
                modelName);
    }

    /** This spec registering the model under {@code name}. */
    public TrainSpec withModelName(String name) {
        return new TrainSpec(
                data,
                target,
                algorithm,
                params,
                seed,
                holdout,
                task,
                exclude,
                unseen,
                threshold,
                Optional.of(name));
    }
}
