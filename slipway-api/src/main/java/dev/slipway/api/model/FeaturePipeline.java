package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How raw records become the feature vector a trained model takes, and how its outputs become class
 * names: stored in the model's package so that a served model accepts records with the training
 * data's column names and types.
 *
 * @param features one step per raw input column, in feature order
 * @param unseen what to do with a category that training never saw
 * @param target the column the model predicts
 * @param classes the class names, in the order of the model's class indices; empty for regression
 * @param threshold for two classes, the probability of the second at or above which it is the
 *     predicted label (0.5 unless chosen at training)
 */
public record FeaturePipeline(
        List<FeatureColumn> features,
        UnseenCategoryPolicy unseen,
        String target,
        List<String> classes,
        double threshold) {

    /** The probability threshold when none is chosen. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public FeaturePipeline {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        Objects.requireNonNull(unseen, "unseen");
        Objects.requireNonNull(target, "target");
        Set<String> columns = new HashSet<>();
        for (FeatureColumn f : features) {
            if (!columns.add(f.column())) {
                throw InvalidInputException.of(
                        f.column(),
                        "column '%s' has two steps in the feature pipeline".formatted(f.column()));
            }
        }
        if (features.isEmpty()) {
            throw InvalidInputException.of(
                    "pipeline", "a feature pipeline needs at least one column");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw InvalidInputException.of(
                    "pipeline", "the decision threshold must be between 0 and 1, got " + threshold);
        }
    }

    /** A pipeline with the {@link #DEFAULT_THRESHOLD}. */
    public FeaturePipeline(
            List<FeatureColumn> features,
            UnseenCategoryPolicy unseen,
            String target,
            List<String> classes) {
        this(features, unseen, target, classes, DEFAULT_THRESHOLD);
    }

    /** The names of every feature, in the order the model takes them. */
    public List<String> featureNames() {
        return features.stream().flatMap(f -> f.featureNames().stream()).toList();
    }

    /** The number of features the model takes. */
    public int featureCount() {
        return features.stream().mapToInt(f -> f.featureNames().size()).sum();
    }
}
