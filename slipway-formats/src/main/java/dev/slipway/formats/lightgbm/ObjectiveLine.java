package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.Task;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a model's objective line says it predicts. */
final class ObjectiveLine {

    /** The objectives LightGBM 4.3 reads back from a model file. */
    private static final Set<String> KNOWN =
            Set.of(
                    "regression",
                    "regression_l1",
                    "quantile",
                    "huber",
                    "fair",
                    "poisson",
                    "binary",
                    "lambdarank",
                    "rank_xendcg",
                    "multiclass",
                    "multiclassova",
                    "cross_entropy",
                    "cross_entropy_lambda",
                    "mape",
                    "gamma",
                    "tweedie",
                    "custom");

    private static final Pattern OPTION = Pattern.compile("[a-z_]+(:[^: ]+)?");

    private ObjectiveLine() {}

    /**
     * The task of a model: {@code binary} gives two classes, {@code multiclass} and {@code
     * multiclassova} gives {@code classes}; every other objective (regression, ranking, cross
     * entropy, none) gives numbers, transformed as LightGBM transforms them.
     */
    static Task task(String objective, int classes, int perIteration, Corruption errors) {
        List<String> tokens = checked(objective, errors);
        return switch (tokens.get(0)) {
            case "binary" -> {
                if (classes != 1 || perIteration != 1) {
                    throw errors.corrupt(
                            "the objective is binary but num_class is %d and num_tree_per_iteration %d (both should be 1)"
                                    .formatted(classes, perIteration));
                }
                yield Task.BINARY;
            }
            case "multiclass", "multiclassova" -> {
                String declared = "num_class:" + classes;
                if (classes < 2 || perIteration != classes || !tokens.contains(declared)) {
                    throw errors.corrupt(
                            "the objective line '%s' does not agree with num_class=%d and num_tree_per_iteration=%d"
                                    .formatted(objective, classes, perIteration));
                }
                yield Task.MULTICLASS;
            }
            default -> Task.REGRESSION;
        };
    }

    /**
     * The words of a well-formed objective line. LightGBM reads the line without checks: an empty
     * one crashes it.
     */
    private static List<String> checked(String objective, Corruption errors) {
        List<String> tokens = Tokens.split(objective);
        if (tokens.isEmpty()
                || !String.join(" ", tokens).equals(objective)
                || !KNOWN.contains(tokens.get(0))) {
            throw errors.corrupt(
                    "the objective line '%s' does not name an objective LightGBM 4.3 reads (%s)"
                            .formatted(
                                    objective,
                                    String.join(", ", KNOWN.stream().sorted().toList())));
        }
        for (String option : tokens.subList(1, tokens.size())) {
            int colon = option.indexOf(':');
            if (!OPTION.matcher(option).matches()
                    || (colon >= 0 && Tokens.number(option.substring(colon + 1)).isEmpty())) {
                throw errors.corrupt(
                        "the objective line '%s' holds '%s', which is not an option of the form name:number"
                                .formatted(objective, option));
            }
        }
        return tokens;
    }
}
