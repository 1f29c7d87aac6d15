package dev.slipway.formats.xgboost;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An XGBoost tree ensemble read from XGBoost's JSON model format, predicting in plain Java exactly
 * what XGBoost predicts.
 *
 * <p>Rows are float32 feature vectors of {@link #numFeatures()} values; NaN is a missing value and
 * follows each split's default direction. Supported: the {@code gbtree} booster with numeric splits
 * and the objectives of {@link XGBoostObjective}. Immutable and thread-safe.
 */
final class XGBoostModel {

    private final String source;
    private final XGBoostObjective objective;
    private final int numFeatures;
    private final List<String> featureNames;
    private final Booster trees;

    XGBoostModel(
            String source,
            XGBoostObjective objective,
            int numFeatures,
            List<String> featureNames,
            Booster trees) {
        this.source = Objects.requireNonNull(source, "source");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.numFeatures = numFeatures;
        this.featureNames = List.copyOf(featureNames);
        this.trees = Objects.requireNonNull(trees, "trees");
    }

    /**
     * Reads a model file written by XGBoost's {@code save_model("model.json")}.
     *
     * @throws InvalidInputException when the file is not an XGBoost JSON model or uses something
     *     this reader does not evaluate (another booster, categorical splits, another objective)
     * @throws UncheckedIOException when the file cannot be read
     */
    static XGBoostModel read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read XGBoost model " + file, e);
        }
        return parse(json, file.toString());
    }

    /**
     * Parses the bytes of an XGBoost JSON model; {@code source} names it in error messages.
     *
     * @throws InvalidInputException as {@link #read(Path)}
     */
    static XGBoostModel parse(byte[] json, String source) {
        return XGBoostJsonReader.read(json, source);
    }

    /** The objective the model was trained with. */
    XGBoostObjective objective() {
        return objective;
    }

    /** The number of values in a row. */
    int numFeatures() {
        return numFeatures;
    }

    /** The feature names stored in the model file, in order; empty when it stores none. */
    List<String> featureNames() {
        return featureNames;
    }

    /** The number of trees. */
    int numTrees() {
        return trees.treeCount();
    }

    /** The number of margins per row: the number of classes for multi-class models, else 1. */
    int marginWidth() {
        return trees.groupCount();
    }

    /**
     * The number of predictions per row: the number of classes for {@code multi:softprob}, else 1
     * (a probability, a value, or a class index for {@code multi:softmax}).
     */
    int predictionWidth() {
        return objective == XGBoostObjective.MULTI_SOFTPROB ? trees.groupCount() : 1;
    }

    /** The raw scores of one row, before the objective's link function (XGBoost's margins). */
    float[] predictMargins(float[] row) {
        checkRows(row, 1);
        float[] out = new float[marginWidth()];
        trees.margins(row, 0, out, 0);
        return out;
    }

    /** The predictions of one row, {@link #predictionWidth()} values. */
    float[] predict(float[] row) {
        checkRows(row, 1);
        float[] margins = new float[marginWidth()];
        float[] out = margins.length == predictionWidth() ? margins : new float[predictionWidth()];
        if (margins.length == 1) {
            margins[0] = trees.margin(row, 0);
        } else {
            trees.margins(row, 0, margins, 0);
        }
        transform(margins, 0, out, 0);
        return out;
    }

    /**
     * Writes the margins of {@code rowCount} rows, stored one after another in {@code rows}, to
     * {@code out}: {@link #marginWidth()} values per row.
     */
    void predictMargins(float[] rows, int rowCount, float[] out) {
        checkRows(rows, rowCount);
        checkOut(out, rowCount, marginWidth());
        int width = marginWidth();
        if (width == 1) {
            for (int r = 0; r < rowCount; r++) {
                out[r] = trees.margin(rows, r * numFeatures);
            }
        } else {
            for (int r = 0; r < rowCount; r++) {
                trees.margins(rows, r * numFeatures, out, r * width);
            }
        }
    }

    /**
     * Writes the predictions of {@code rowCount} rows, stored one after another in {@code rows}, to
     * {@code out}: {@link #predictionWidth()} values per row.
     */
    void predict(float[] rows, int rowCount, float[] out) {
        checkRows(rows, rowCount);
        int width = predictionWidth();
        checkOut(out, rowCount, width);
        int groups = marginWidth();
        if (groups == 1) {
            for (int r = 0; r < rowCount; r++) {
                out[r] = trees.margin(rows, r * numFeatures);
                transform(out, r, out, r);
            }
        } else {
            float[] margins = new float[groups];
            for (int r = 0; r < rowCount; r++) {
                trees.margins(rows, r * numFeatures, margins, 0);
                transform(margins, 0, out, r * width);
            }
        }
    }

    /** Applies the objective's link function to one row's margins, as XGBoost does in float32. */
    private void transform(float[] margins, int from, float[] out, int to) {
        switch (objective) {
            case REG_SQUAREDERROR, REG_ABSOLUTEERROR, BINARY_LOGITRAW -> out[to] = margins[from];
            case BINARY_LOGISTIC, REG_LOGISTIC -> out[to] = Link.sigmoid(margins[from]);
            case COUNT_POISSON -> out[to] = Link.exp(margins[from]);
            case MULTI_SOFTPROB -> Link.softmax(margins, from, marginWidth(), out, to);
            case MULTI_SOFTMAX -> out[to] = Link.argmax(margins, from, marginWidth());
        }
    }

    private void checkRows(float[] rows, int rowCount) {
        if (rowCount < 0 || (long) rowCount * numFeatures != rows.length) {
            throw InvalidInputException.of(
                    source,
                    "XGBoost model %s takes rows of %d features, but got %d values for %d row(s);"
                                    .formatted(source, numFeatures, rows.length, rowCount)
                            + " pass exactly rows x features values, NaN for a missing value");
        }
    }

    private void checkOut(float[] out, int rowCount, int width) {
        if ((long) rowCount * width > out.length) {
            throw InvalidInputException.of(
                    source,
                    "XGBoost model %s writes %d value(s) per row, so %d row(s) need an output of %d,"
                                    .formatted(source, width, rowCount, (long) rowCount * width)
                            + " but it holds %d".formatted(out.length));
        }
    }

    @Override
    public String toString() {
        return "XGBoostModel[%s, %s, %d trees, %d features]"
                .formatted(source, objective.xgboostName(), numTrees(), numFeatures);
    }
}
