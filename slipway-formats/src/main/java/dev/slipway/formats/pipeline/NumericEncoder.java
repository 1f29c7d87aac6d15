package dev.slipway.formats.pipeline;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;

/** A number used as it is; a missing row is NaN. */
record NumericEncoder(String column) implements FeatureEncoder {

    @Override
    public int width() {
        return 1;
    }

    @Override
    public int encode(Column c, int rows, float[][] features, int next) {
        if (c.width() != 1) {
            throw InvalidInputException.of(
                    column,
                    "column '%s' must hold one number per row, got %d"
                            .formatted(column, c.width()));
        }
        float[] out = new float[rows];
        switch (c) {
            case DoubleColumn d -> {
                for (int r = 0; r < rows; r++) {
                    out[r] = (float) d.values()[r];
                }
            }
            case FloatColumn f -> System.arraycopy(f.values(), 0, out, 0, rows);
            case LongColumn l -> {
                for (int r = 0; r < rows; r++) {
                    out[r] = l.values()[r];
                }
            }
            case BoolColumn b -> {
                for (int r = 0; r < rows; r++) {
                    out[r] = b.values()[r] ? 1f : 0f;
                }
            }
            case StringColumn s ->
                    throw InvalidInputException.of(
                            column,
                            "column '%s' must be a number but holds text (e.g. '%s'); send numbers for it"
                                    .formatted(column, rows > 0 ? s.get(0) : ""));
        }
        if (c.hasNulls()) {
            for (int r = c.nulls().nextSetBit(0); r >= 0; r = c.nulls().nextSetBit(r + 1)) {
                out[r] = Float.NaN;
            }
        }
        features[next] = out;
        return next + 1;
    }
}
