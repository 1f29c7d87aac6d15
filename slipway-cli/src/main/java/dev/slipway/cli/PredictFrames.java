package dev.slipway.cli;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.Arrays;

/** Row ranges of frames, copied: what {@code slipway predict} scores when it looks for bad rows. */
final class PredictFrames {

    private PredictFrames() {}

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code frame}. */
    static Frame slice(Frame frame, int from, int to) {
        if (from == 0 && to == frame.rows()) {
            return frame;
        }
        return new Frame(to - from, frame.columns().stream().map(c -> slice(c, from, to)).toList());
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code c}. */
    static Column slice(Column c, int from, int to) {
        if (from == 0 && to == c.rows()) {
            return c;
        }
        int w = c.width();
        int a = from * w;
        int b = to * w;
        var nulls = c.nulls().get(from, to);
        return switch (c) {
            case DoubleColumn d ->
                    new DoubleColumn(c.name(), w, Arrays.copyOfRange(d.values(), a, b), nulls);
            case FloatColumn f ->
                    new FloatColumn(c.name(), w, Arrays.copyOfRange(f.values(), a, b), nulls);
            case LongColumn l ->
                    new LongColumn(c.name(), w, Arrays.copyOfRange(l.values(), a, b), nulls);
            case BoolColumn x ->
                    new BoolColumn(c.name(), w, Arrays.copyOfRange(x.values(), a, b), nulls);
            case StringColumn s ->
                    new StringColumn(c.name(), w, Arrays.copyOfRange(s.values(), a, b), nulls);
        };
    }
}
