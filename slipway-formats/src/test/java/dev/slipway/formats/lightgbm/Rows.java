package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import java.util.Arrays;
import java.util.List;

/** Slices of frames of double columns. */
final class Rows {

    private Rows() {}

    /** Rows {@code [from, to)} of a frame of table columns of doubles. */
    static Frame slice(Frame frame, int from, int to) {
        List<Column> columns =
                frame.columns().stream()
                        .map(c -> (Column) slice((DoubleColumn) c, from, to))
                        .toList();
        return new Frame(to - from, columns);
    }

    private static DoubleColumn slice(DoubleColumn c, int from, int to) {
        return new DoubleColumn(
                c.name(), 1, Arrays.copyOfRange(c.values(), from, to), c.nulls().get(from, to));
    }
}
