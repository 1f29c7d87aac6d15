package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.Schema;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.UnseenCategoryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses the features from a dataset's schema and builds the feature pipeline stored with the
 * model: numbers, integers and booleans are used as they are; each category becomes its own 0/1
 * feature (one-hot), over the categories seen in the training rows; free text and timestamps are
 * left out, with a warning.
 */
final class Features {

    private Features() {}

    /**
     * The columns that can be features, in schema order: everything but the target and excluded.
     */
    static List<Field> candidates(Schema schema, String target, List<String> exclude) {
        for (String e : exclude) {
            if (schema.find(e).isEmpty()) {
                throw InvalidInputException.of(
                        "--exclude",
                        "--exclude %s: there is no such column; columns are %s"
                                .formatted(e, schema.names()));
            }
        }
        return schema.fields().stream()
                .filter(f -> !f.name().equals(target) && !exclude.contains(f.name()))
                .toList();
    }

    /**
     * The pipeline for {@code fields}, from their values in {@code train} (the training rows).
     *
     * @throws InvalidInputException when a feature has no value in the training rows, or no column
     *     can be a feature
     */
    static FeaturePipeline pipeline(
            List<Field> fields,
            Frame train,
            Target target,
            UnseenCategoryPolicy unseen,
            double threshold,
            Consumer<String> warnings) {
        List<FeatureColumn> steps = new ArrayList<>();
        for (Field f : fields) {
            Column values = train.column(f.name());
            requireValues(f, values);
            switch (f.type()) {
                case NUMERIC, INTEGER, BOOLEAN -> steps.add(new FeatureColumn.Numeric(f.name()));
                case CATEGORICAL -> {
                    steps.add(
                            new FeatureColumn.OneHot(f.name(), categories((StringColumn) values)));
                }
                case TEXT ->
                        warnings.accept(
                                "column '%s' is free text; it is left out of the features"
                                        .formatted(f.name()));
                case TIMESTAMP ->
                        warnings.accept(
                                "column '%s' holds timestamps; it is left out of the features (derive numbers from it, e.g. hour or weekday, to use it)"
                                        .formatted(f.name()));
            }
        }
        if (steps.isEmpty()) {
            throw InvalidInputException.of(
                    "--data",
                    "no column can be a feature: every column other than the target '%s' is excluded, text or a timestamp"
                            .formatted(target.column()));
        }
        return new FeaturePipeline(
                steps,
                unseen,
                target.column(),
                target.classes(),
                target.task() == dev.slipway.api.model.Task.BINARY
                        ? threshold
                        : FeaturePipeline.DEFAULT_THRESHOLD);
    }

    private static void requireValues(Field f, Column values) {
        if (values.nulls().cardinality() == values.rows()) {
            throw InvalidInputException.of(
                    f.name(),
                    "column '%s' has no value in the training rows (all missing); leave it out with --exclude %s"
                            .formatted(f.name(), f.name()));
        }
    }

    private static List<String> categories(StringColumn values) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 0; r < values.rows(); r++) {
            if (!values.isNull(r)) {
                seen.add(values.get(r));
            }
        }
        return seen.stream().sorted().toList();
    }
}
