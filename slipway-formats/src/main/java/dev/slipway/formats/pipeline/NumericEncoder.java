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
    public void encode(Column c, int rows, float[] out, int stride, int offset) {
        if (c.width() != 1) {
            throw InvalidInputException.of(
                    column,
                    "column '%s' must hold one number per row, got %d"
                            .formatted(column, c.width()));
        }
        switch (c) {
            case DoubleColumn d -> {
                double[] v = d.values();
                for (int r = 0, at = offset; r < rows; r++, at += stride) {
                    out[at] = (float) v[r];
                }
            }
            case FloatColumn f -> {
                float[] v = f.values();
                for (int r = 0, at = offset; r < rows; r++, at += stride) {
                    out[at] = v[r];
                }
            }
            case LongColumn l -> {
                long[] v = l.values();
                for (int r = 0, at = offset; r < rows; r++, at += stride) {
                    out[at] = v[r];
                }
            }
            case BoolColumn b -> {
                boolean[] v = b.values();
                for (int r = 0, at = offset; r < rows; r++, at += stride) {
                    out[at] = v[r] ? 1f : 0f;
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
                out[r * stride + offset] = Float.NaN;
            }
        }
    }
}
