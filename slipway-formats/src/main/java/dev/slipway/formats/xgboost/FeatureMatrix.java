package dev.slipway.formats.xgboost;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the feature columns of a frame into one row-major float32 matrix, the rows the trees
 * walk: FP64, INT64 and BOOL values are converted to float32 as XGBoost converts them, and missing
 * rows become NaN. Immutable, so thread-safe.
 */
final class FeatureMatrix {

    /** How many of a frame's column names an error message lists. */
    private static final int LISTED = 10;

    private final String source;
    private final String[] names;

    FeatureMatrix(String source, List<String> names) {
        this.source = source;
        this.names = names.toArray(String[]::new);
    }

    /** The features of every row of {@code input}, row after row. */
    float[] gather(Frame input) {
        int rows = input.rows();
        int width = names.length;
        float[] out = new float[rows * width];
        List<Column> columns = input.columns();
        Map<String, Column> byName = null;
        for (int j = 0; j < width; j++) {
            Column column;
            // Columns usually come in the signature's order: look there before building an index.
            if (j < columns.size() && columns.get(j).name().equals(names[j])) {
                column = columns.get(j);
            } else {
                if (byName == null) {
                    byName = new HashMap<>();
                    for (Column c : columns) {
                        byName.put(c.name(), c);
                    }
                }
                column = byName.get(names[j]);
                if (column == null) {
                    throw missing(names[j], input);
                }
            }
            copy(column, j, out, rows, width);
        }
        return out;
    }

    private void copy(Column column, int j, float[] out, int rows, int width) {
        if (column.width() != 1) {
            throw invalid(
                    column.name(),
                    "column '%s' has %d values per row, but feature '%s' of XGBoost model %s takes one"
                            .formatted(column.name(), column.width(), column.name(), source));
        }
        switch (column) {
            case FloatColumn c -> {
                float[] v = c.values();
                for (int r = 0, at = j; r < rows; r++, at += width) {
                    out[at] = v[r];
                }
            }
            case DoubleColumn c -> {
                double[] v = c.values();
                for (int r = 0, at = j; r < rows; r++, at += width) {
                    out[at] = (float) v[r];
                }
            }
            case LongColumn c -> {
                long[] v = c.values();
                for (int r = 0, at = j; r < rows; r++, at += width) {
                    out[at] = (float) v[r];
                }
            }
            case BoolColumn c -> {
                boolean[] v = c.values();
                for (int r = 0, at = j; r < rows; r++, at += width) {
                    out[at] = v[r] ? 1f : 0f;
                }
            }
            case StringColumn c ->
                    throw invalid(
                            c.name(),
                            ("column '%s' holds strings (BYTES), but feature '%s' of XGBoost model"
                                            + " %s takes numbers: send FP32 (or FP64, INT64, BOOL)"
                                            + " values, with missing values as null or NaN")
                                    .formatted(c.name(), c.name(), source));
        }
        BitSet nulls = column.nulls();
        for (int r = nulls.nextSetBit(0); r >= 0; r = nulls.nextSetBit(r + 1)) {
            out[r * width + j] = Float.NaN;
        }
    }

    private InvalidInputException missing(String name, Frame input) {
        List<String> present = input.names();
        String listed =
                present.size() <= LISTED
                        ? present.toString()
                        : present.subList(0, LISTED)
                                + " and %d more".formatted(present.size() - LISTED);
        return invalid(
                name,
                "XGBoost model %s takes input column '%s' (FP32), which the batch lacks; it has %s"
                        .formatted(source, name, listed));
    }

    private InvalidInputException invalid(String column, String message) {
        return InvalidInputException.at(source, 0, Optional.of(column), message, null);
    }
}
