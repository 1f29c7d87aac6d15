package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.Field;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Frame;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.formats.pipeline.FeaturePipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The data of one training, ready for XGBoost: the training rows as a feature matrix with labels,
 * the held-out rows as raw records with labels, the target and the feature pipeline.
 *
 * @param data the training dataset version
 * @param test the held-out dataset version, when the hold-out is another dataset
 * @param target the target, its task and classes
 * @param pipeline how raw records become features
 * @param matrix the training rows' features, row after row
 * @param labels the training rows' labels
 * @param testRows the held-out rows, raw
 * @param testLabels the held-out rows' labels
 * @param unlabelled rows left out because their target is missing
 */
record Prepared(
        DatasetVersion data,
        Optional<DatasetVersion> test,
        Target target,
        FeaturePipeline pipeline,
        float[] matrix,
        float[] labels,
        Frame testRows,
        float[] testLabels,
        long unlabelled) {

    int trainRows() {
        return labels.length;
    }

    int featureCount() {
        return pipeline.featureCount();
    }

    /** Reads and encodes the data {@code spec} names; reports warnings to {@code warnings}. */
    static Prepared of(Datasets datasets, TrainSpec spec, Consumer<String> warnings) {
        DatasetVersion v = datasets.resolve(spec.data());
        if (v.rows() == 0) {
            throw InvalidInputException.of(
                    "--data", "dataset %s has no rows; import data with rows".formatted(v.ref()));
        }
        Field targetField =
                v.schema()
                        .find(spec.target())
                        .orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                "--target",
                                                "dataset %s has no column '%s'; its columns are %s"
                                                        .formatted(
                                                                v.ref(),
                                                                spec.target(),
                                                                v.schema().names())));
        List<Field> candidates = Features.candidates(v.schema(), spec.target(), spec.exclude());
        List<String> columns = new ArrayList<>(candidates.stream().map(Field::name).toList());
        columns.add(spec.target());
        Frame all = datasets.read(v.ref(), columns);
        Target target = Target.infer(targetField, all.column(spec.target()), spec.task());
        float[] allLabels = target.labels(all.column(spec.target()));
        int[] labelled = Rows.labelled(allLabels);
        long unlabelled = all.rows() - (long) labelled.length;
        if (unlabelled > 0) {
            warnings.accept(
                    "%d row(s) have no value in target '%s' and are left out"
                            .formatted(unlabelled, spec.target()));
        }
        Frame trainFrame;
        float[] trainLabels;
        Frame testFrame;
        float[] testLabels;
        Optional<DatasetVersion> testVersion = Optional.empty();
        switch (spec.holdout()) {
            case Holdout.Fraction f -> {
                if (labelled.length < 2) {
                    throw InvalidInputException.of(
                            "--data",
                            "dataset %s has %d labelled row(s); training and evaluation need at least 2"
                                    .formatted(v.ref(), labelled.length));
                }
                int[] held = Split.heldOut(labelled.length, f.fraction(), spec.seed());
                int[] rest = Split.rest(labelled.length, held);
                int[] heldRows = select(labelled, held);
                int[] restRows = select(labelled, rest);
                trainFrame = Rows.take(all, restRows);
                trainLabels = Rows.take(allLabels, restRows);
                testFrame = Rows.take(all, heldRows);
                testLabels = Rows.take(allLabels, heldRows);
            }
            case Holdout.TestSet t -> {
                DatasetVersion tv = datasets.resolve(t.dataset());
                for (String c : columns) {
                    if (tv.schema().find(c).isEmpty()) {
                        throw InvalidInputException.of(
                                "--test",
                                "test dataset %s has no column '%s', which the training data %s has; its columns are %s"
                                        .formatted(tv.ref(), c, v.ref(), tv.schema().names()));
                    }
                }
                Frame test = datasets.read(tv.ref(), columns);
                float[] tl = target.labels(test.column(spec.target()));
                int[] tLabelled = Rows.labelled(tl);
                if (tLabelled.length == 0) {
                    throw InvalidInputException.of(
                            "--test",
                            "test dataset %s has no row with a known target value among %s"
                                    .formatted(tv.ref(), target.classes()));
                }
                trainFrame = Rows.take(all, labelled);
                trainLabels = Rows.take(allLabels, labelled);
                testFrame = Rows.take(test, tLabelled);
                testLabels = Rows.take(tl, tLabelled);
                testVersion = Optional.of(tv);
            }
        }
        FeaturePipeline pipeline =
                Features.pipeline(
                        candidates, trainFrame, target, spec.unseen(), spec.threshold(), warnings);
        float[] matrix = FeaturePipelines.encodeRows(pipeline, trainFrame);
        return new Prepared(
                v,
                testVersion,
                target,
                pipeline,
                matrix,
                trainLabels,
                testFrame,
                testLabels,
                unlabelled);
    }

    private static int[] select(int[] from, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = from[positions[i]];
        }
        return out;
    }
}
