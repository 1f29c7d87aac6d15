package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** How one raw input column becomes model features; a step of a {@link FeaturePipeline}. */
public sealed interface FeatureColumn {

    /** The raw input column this step reads. */
    String column();

    /** The names of the features this step writes, in order. */
    List<String> featureNames();

    /**
     * A number used as it is: numeric, integer and boolean columns (true is 1). A missing value
     * stays missing (NaN) and follows each tree's default direction.
     */
    record Numeric(String column) implements FeatureColumn {
        public Numeric {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public List<String> featureNames() {
            return List.of(column);
        }
    }

    /**
     * A category turned into one feature per category seen in training: 1 for the row's category, 0
     * for the others. A missing value makes every feature of the column missing; a category not in
     * {@link #categories()} is handled by the pipeline's {@link UnseenCategoryPolicy}.
     */
    record OneHot(String column, List<String> categories) implements FeatureColumn {
        public OneHot {
            Objects.requireNonNull(column, "column");
            categories = List.copyOf(categories);
            if (categories.isEmpty() || new HashSet<>(categories).size() != categories.size()) {
                throw InvalidInputException.of(
                        column,
                        "one-hot column '%s' needs at least one category and no repeats, got %s"
                                .formatted(column, categories));
            }
        }

        @Override
        public List<String> featureNames() {
            return categories.stream().map(c -> column + "=" + c).toList();
        }
    }
}
