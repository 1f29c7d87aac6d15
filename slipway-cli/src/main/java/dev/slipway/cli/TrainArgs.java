package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.Task;
import dev.slipway.api.model.UnseenCategoryPolicy;
import dev.slipway.train.Algorithm;
import dev.slipway.train.Holdout;
import dev.slipway.train.TrainSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options {@code train} and {@code tune} share: what to learn from and how. */
final class TrainArgs {

    @Option(
            names = "--data",
            paramLabel = "NAME[@VER]",
            description = "Required. The training dataset version (default version: the latest).")
    Optional<String> data = Optional.empty();

    @Option(
            names = "--target",
            paramLabel = "COL",
            description = "Required. The column to predict.")
    Optional<String> target = Optional.empty();

    @Option(
            names = "--list-params",
            description = "List the parameters of --algo with their ranges and defaults, and exit.")
    boolean listParams;

    @Option(names = "--algo", paramLabel = "ALGO", description = "gbdt (default), rf or linear.")
    String algo = "gbdt";

    @Option(
            names = "--param",
            paramLabel = "K=V",
            description =
                    "An XGBoost parameter, e.g. --param max_depth=8. Repeatable. --list-params shows them.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed for the hold-out split and XGBoost (default: 42).")
    long seed = 42;

    @ArgGroup(exclusive = true)
    HoldoutOptions holdout;

    static final class HoldoutOptions {
        @Option(
                names = "--test",
                paramLabel = "NAME[@VER]",
                description = "Evaluate on this dataset version instead of a share of the data.")
        Optional<String> test = Optional.empty();

        @Option(
                names = "--test-fraction",
                paramLabel = "F",
                description = "Share of the rows held out for evaluation (default: 0.2).")
        Optional<Double> fraction = Optional.empty();
    }

    @Option(
            names = "--task",
            paramLabel = "TASK",
            description = "binary, multiclass or regression (default: from the target's values).")
    Optional<String> task = Optional.empty();

    @Option(
            names = "--exclude",
            split = ",",
            paramLabel = "COL",
            description = "Columns never to use as features, comma-separated.")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--unseen",
            paramLabel = "POLICY",
            description =
                    "What the served model does with a category training never saw: missing (default: treat as a missing value) or error (refuse the row).")
    String unseen = "missing";

    @Option(
            names = "--threshold",
            paramLabel = "P",
            description =
                    "Probability above which a binary model predicts the positive class (default: 0.5).")
    double threshold = 0.5;

    @Option(
            names = "--name",
            paramLabel = "MODEL",
            description = "Register the model under this name (default: the dataset's name).")
    Optional<String> name = Optional.empty();

    String algo() {
        return algo;
    }

    TrainSpec spec() {
        String d =
                data.orElseThrow(
                        () ->
                                InvalidInputException.of(
                                        "--data",
                                        "name the training data with --data NAME[@VERSION]; 'slipway data list' shows the datasets"));
        String t =
                target.orElseThrow(
                        () ->
                                InvalidInputException.of(
                                        "--target",
                                        "name the column to predict with --target COL"));
        TrainSpec s =
                TrainSpec.of(DatasetRef.parse(d), t.strip())
                        .withAlgorithm(Algorithm.fromLabel(algo))
                        .withParams(params)
                        .withSeed(seed)
                        .withExclude(exclude.stream().map(String::strip).toList())
                        .withUnseen(UnseenCategoryPolicy.fromLabel(unseen))
                        .withThreshold(threshold);
        if (holdout != null && holdout.test.isPresent()) {
            s = s.withHoldout(new Holdout.TestSet(DatasetRef.parse(holdout.test.get())));
        } else if (holdout != null && holdout.fraction.isPresent()) {
            s = s.withHoldout(new Holdout.Fraction(holdout.fraction.get()));
        }
        if (task.isPresent()) {
            s = s.withTask(Task.fromLabel(task.get()));
        }
        if (name.isPresent()) {
            s = s.withModelName(name.get());
        }
        return s;
    }
}
