package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The outputs of a LightGBM model, from the values LightGBM predicts per row: a class label and
 * class probabilities for classifiers, the prediction itself for every other objective.
 */
final class Outputs {

    private Outputs() {}

    /** The number of values LightGBM predicts per row. */
    static int nativeWidth(ModelHeader header) {
        return header.task() == Task.BINARY ? 1 : header.classCount();
    }

    /** The output columns of a model. */
    static List<ColumnSpec> specs(ModelHeader header) {
        return switch (header.task()) {
            case BINARY, MULTICLASS -> {
                int classes = header.task() == Task.BINARY ? 2 : header.classCount();
                List<String> labels = new ArrayList<>(classes);
                for (int c = 0; c < classes; c++) {
                    labels.add(Integer.toString(c));
                }
                yield List.of(
                        ColumnSpec.scalar(Signature.LABEL, DType.INT64),
                        new ColumnSpec(Signature.PROBABILITIES, DType.FP64, classes, labels));
            }
            case REGRESSION ->
                    List.of(
                            new ColumnSpec(
                                    Signature.PREDICTION,
                                    DType.FP64,
                                    header.classCount(),
                                    List.of()));
        };
    }

    /** The output frame of {@code rows} rows from LightGBM's {@code values}. */
    static Frame frame(ModelHeader header, double[] values, int rows) {
        return switch (header.task()) {
            case BINARY -> binary(values, rows);
            case MULTICLASS -> multiclass(values, rows, header.classCount());
            case REGRESSION ->
                    Frame.of(
                            new DoubleColumn(
                                    Signature.PREDICTION,
                                    header.classCount(),
                                    values,
                                    new BitSet()));
        };
    }

    /** LightGBM gives P(class 1); the label is 1 when it is above one half. */
    private static Frame binary(double[] positive, int rows) {
        long[] labels = new long[rows];
        double[] probabilities = new double[rows * 2];
        for (int r = 0; r < rows; r++) {
            double p = positive[r];
            probabilities[2 * r] = 1 - p;
            probabilities[2 * r + 1] = p;
            labels[r] = p > 0.5 ? 1 : 0;
        }
        return classes(labels, probabilities, 2);
    }

    /** The label is the first class of highest probability. */
    private static Frame multiclass(double[] probabilities, int rows, int classes) {
        long[] labels = new long[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[r * classes + c] > probabilities[r * classes + best]) {
                    best = c;
                }
            }
            labels[r] = best;
        }
        return classes(labels, probabilities, classes);
    }

    private static Frame classes(long[] labels, double[] probabilities, int classes) {
        List<Column> columns =
                List.of(
                        new LongColumn(Signature.LABEL, 1, labels, new BitSet()),
                        new DoubleColumn(
                                Signature.PROBABILITIES, classes, probabilities, new BitSet()));
        return new Frame(labels.length, columns);
    }
}
