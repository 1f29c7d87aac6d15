package dev.slipway.serve.core;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Joins the frames of a batch into one and cuts a batch's outputs back into per-request frames. */
final class Frames {

    private Frames() {}

    /** The rows of every frame, in order; the frames have the same columns in the same order. */
    static Frame concat(List<Frame> frames) {
        if (frames.size() == 1) {
            return frames.getFirst();
        }
        int rows = 0;
        for (Frame f : frames) {
            rows += f.rows();
        }
        Frame first = frames.getFirst();
        List<Column> columns = new ArrayList<>(first.columns().size());
        for (int c = 0; c < first.columns().size(); c++) {
            columns.add(concatColumn(frames, c, rows));
        }
        return new Frame(rows, columns);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code frame}. */
    static Frame slice(Frame frame, int from, int to) {
        if (from == 0 && to == frame.rows()) {
            return frame;
        }
        List<Column> columns = new ArrayList<>(frame.columns().size());
        for (Column c : frame.columns()) {
            columns.add(sliceColumn(c, from, to));
        }
        return new Frame(to - from, columns);
    }

    private static Column concatColumn(List<Frame> frames, int index, int rows) {
        Column first = frames.getFirst().columns().get(index);
        int w = first.width();
        BitSet nulls = new BitSet();
        int offset = 0;
        for (Frame f : frames) {
            BitSet n = f.columns().get(index).nulls();
            for (int i = n.nextSetBit(0); i >= 0; i = n.nextSetBit(i + 1)) {
                nulls.set(offset + i);
            }
            offset += f.rows();
        }
        Object target =
                switch (first) {
                    case DoubleColumn d -> new double[rows * w];
                    case FloatColumn x -> new float[rows * w];
                    case LongColumn l -> new long[rows * w];
                    case BoolColumn b -> new boolean[rows * w];
                    case StringColumn s -> new String[rows * w];
                };
        int at = 0;
        for (Frame f : frames) {
            Object src = values(f.columns().get(index));
            int length = f.rows() * w;
            System.arraycopy(src, 0, target, at, length);
            at += length;
        }
        String name = first.name();
        return switch (first) {
            case DoubleColumn d -> new DoubleColumn(name, w, (double[]) target, nulls);
            case FloatColumn x -> new FloatColumn(name, w, (float[]) target, nulls);
            case LongColumn l -> new LongColumn(name, w, (long[]) target, nulls);
            case BoolColumn b -> new BoolColumn(name, w, (boolean[]) target, nulls);
            case StringColumn s -> new StringColumn(name, w, (String[]) target, nulls);
        };
    }

    private static Object values(Column c) {
        return switch (c) {
            case DoubleColumn d -> d.values();
            case FloatColumn f -> f.values();
            case LongColumn l -> l.values();
            case BoolColumn b -> b.values();
            case StringColumn s -> s.values();
        };
    }

    private static Column sliceColumn(Column c, int from, int to) {
        int w = c.width();
        BitSet nulls = c.nulls().get(from, to);
        String name = c.name();
        int a = from * w;
        int b = to * w;
        return switch (c) {
            case DoubleColumn d ->
                    new DoubleColumn(
                            name, w, java.util.Arrays.copyOfRange(d.values(), a, b), nulls);
            case FloatColumn f ->
                    new FloatColumn(name, w, java.util.Arrays.copyOfRange(f.values(), a, b), nulls);
            case LongColumn l ->
                    new LongColumn(name, w, java.util.Arrays.copyOfRange(l.values(), a, b), nulls);
            case BoolColumn x ->
                    new BoolColumn(name, w, java.util.Arrays.copyOfRange(x.values(), a, b), nulls);
            case StringColumn s ->
                    new StringColumn(
                            name, w, java.util.Arrays.copyOfRange(s.values(), a, b), nulls);
        };
    }
}
