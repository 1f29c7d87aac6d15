package dev.slipway.formats.xgboost;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The output columns of an XGBoost model, from its objective: classifiers return {@code label} and
 * (when XGBoost gives probabilities) {@code probabilities}, everything else {@code prediction}.
 */
final class XGBoostOutputs {

    private XGBoostOutputs() {}

    /** The output columns for {@code model}. */
    static List<ColumnSpec> specs(XGBoostModel model) {
        ColumnSpec label = ColumnSpec.scalar(Signature.LABEL, DType.INT64);
        return switch (model.objective()) {
            case BINARY_LOGISTIC -> List.of(label, probabilities(2));
            case MULTI_SOFTPROB -> List.of(label, probabilities(model.marginWidth()));
            case MULTI_SOFTMAX -> List.of(label);
            case REG_SQUAREDERROR,
                    REG_ABSOLUTEERROR,
                    REG_LOGISTIC,
                    COUNT_POISSON,
                    BINARY_LOGITRAW ->
                    List.of(ColumnSpec.scalar(Signature.PREDICTION, DType.FP32));
        };
    }

    private static ColumnSpec probabilities(int classes) {
        List<String> labels = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new ColumnSpec(Signature.PROBABILITIES, DType.FP32, classes, labels);
    }

    /**
     * The output frame of {@code rows} rows from XGBoost's predictions, {@link
     * XGBoostModel#predictionWidth()} per row.
     */
    static Frame frame(XGBoostModel model, float[] predictions, int rows) {
        return switch (model.objective()) {
            case BINARY_LOGISTIC -> binary(predictions, rows);
            case MULTI_SOFTPROB -> softprob(predictions, rows, model.marginWidth());
            case MULTI_SOFTMAX -> {
                long[] label = new long[rows];
                for (int r = 0; r < rows; r++) {
                    label[r] = (long) predictions[r];
                }
                yield new Frame(rows, List.of(labelColumn(label)));
            }
            case REG_SQUAREDERROR,
                    REG_ABSOLUTEERROR,
                    REG_LOGISTIC,
                    COUNT_POISSON,
                    BINARY_LOGITRAW ->
                    new Frame(
                            rows,
                            List.of(
                                    new FloatColumn(
                                            Signature.PREDICTION, 1, predictions, new BitSet())));
        };
    }

    /** Class 1 when its probability is above 0.5; probabilities {@code [1 - p, p]}. */
    private static Frame binary(float[] p, int rows) {
        long[] label = new long[rows];
        float[] both = new float[2 * rows];
        for (int r = 0; r < rows; r++) {
            label[r] = p[r] > 0.5f ? 1 : 0;
            both[2 * r] = 1f - p[r];
            both[2 * r + 1] = p[r];
        }
        return new Frame(rows, List.of(labelColumn(label), probabilityColumn(both, 2)));
    }

    /** The class of highest probability (the first on ties) and every class's probability. */
    private static Frame softprob(float[] probabilities, int rows, int classes) {
        long[] label = new long[rows];
        for (int r = 0; r < rows; r++) {
            label[r] = (long) Link.argmax(probabilities, r * classes, classes);
        }
        return new Frame(
                rows, List.of(labelColumn(label), probabilityColumn(probabilities, classes)));
    }

    private static LongColumn labelColumn(long[] label) {
        return new LongColumn(Signature.LABEL, 1, label, new BitSet());
    }

    private static FloatColumn probabilityColumn(float[] values, int classes) {
        return new FloatColumn(Signature.PROBABILITIES, classes, values, new BitSet());
    }
}
