package dev.slipway.formats.lightgbm;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.List;

/**
 * The rows LightGBM reads: one double per feature, row after row. Numbers of any type are widened
 * to double, booleans become 0 and 1, and a missing row becomes NaN, LightGBM's missing value.
 */
final class FeatureMatrix {

    private FeatureMatrix() {}

    /**
     * The input's features in model order.
     *
     * @throws InvalidInputException when a feature's column is absent, not a table column, or holds
     *     strings, naming the column
     */
    static double[] rows(Frame input, List<String> features, String source) {
        int rows = input.rows();
        int width = features.size();
        double[] out = new double[Math.multiplyExact(rows, width)];
        for (int f = 0; f < width; f++) {
            Column column = input.column(features.get(f));
            if (column.width() != 1) {
                throw InvalidInputException.of(
                        column.name(),
                        "column '%s' has %d values per row, but LightGBM model '%s' takes one number per row for each feature"
                                .formatted(column.name(), column.width(), source));
            }
            copy(column, out, f, width, source);
            for (int r = column.nulls().nextSetBit(0);
                    r >= 0;
                    r = column.nulls().nextSetBit(r + 1)) {
                out[r * width + f] = Double.NaN;
            }
        }
        return out;
    }

    private static void copy(Column column, double[] out, int f, int width, String source) {
        int rows = column.rows();
        switch (column) {
            case DoubleColumn c -> {
                for (int r = 0; r < rows; r++) {
                    out[r * width + f] = c.values()[r];
                }
            }
            case FloatColumn c -> {
                for (int r = 0; r < rows; r++) {
                    out[r * width + f] = c.values()[r];
                }
            }
            case LongColumn c -> {
                for (int r = 0; r < rows; r++) {
                    out[r * width + f] = c.values()[r];
                }
            }
            case BoolColumn c -> {
                for (int r = 0; r < rows; r++) {
                    out[r * width + f] = c.values()[r] ? 1 : 0;
                }
            }
            case StringColumn c ->
                    throw InvalidInputException.of(
                            c.name(),
                            "column '%s' holds strings, but LightGBM model '%s' takes a number for feature '%s' (a categorical feature takes its integer category code); send it as numbers"
                                    .formatted(c.name(), source, c.name()));
        }
    }
}
