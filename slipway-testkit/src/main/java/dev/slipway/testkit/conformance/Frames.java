package dev.slipway.testkit.conformance;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/** Builds the variants of an input frame that the conformance tests send. */
final class Frames {

    private Frames() {}

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of every column. */
    static Frame slice(Frame frame, int from, int to) {
        List<Column> columns = new ArrayList<>();
        for (Column c : frame.columns()) {
            columns.add(slice(c, from, to));
        }
        return new Frame(to - from, columns);
    }

    static Column slice(Column column, int from, int to) {
        int w = column.width();
        BitSet nulls = column.nulls().get(from, to);
        return switch (column) {
            case FloatColumn c ->
                    new FloatColumn(
                            c.name(), w, Arrays.copyOfRange(c.values(), from * w, to * w), nulls);
            case DoubleColumn c ->
                    new DoubleColumn(
                            c.name(), w, Arrays.copyOfRange(c.values(), from * w, to * w), nulls);
            case LongColumn c ->
                    new LongColumn(
                            c.name(), w, Arrays.copyOfRange(c.values(), from * w, to * w), nulls);
            case BoolColumn c ->
                    new BoolColumn(
                            c.name(), w, Arrays.copyOfRange(c.values(), from * w, to * w), nulls);
            case StringColumn c ->
                    new StringColumn(
                            c.name(), w, Arrays.copyOfRange(c.values(), from * w, to * w), nulls);
        };
    }

    /** The frame without the column named {@code name}. */
    static Frame without(Frame frame, String name) {
        List<Column> columns =
                frame.columns().stream().filter(c -> !c.name().equals(name)).toList();
        return new Frame(frame.rows(), columns);
    }

    /** The frame with the column of the same name replaced by {@code replacement}. */
    static Frame replaced(Frame frame, Column replacement) {
        List<Column> columns =
                frame.columns().stream()
                        .map(c -> c.name().equals(replacement.name()) ? replacement : c)
                        .toList();
        return new Frame(frame.rows(), columns);
    }

    /** The frame with {@code extra} columns added after its own. */
    static Frame with(Frame frame, Column... extra) {
        List<Column> columns = new ArrayList<>(frame.columns());
        columns.addAll(List.of(extra));
        return new Frame(frame.rows(), columns);
    }

    /** A string column of the same name, width and rows as {@code column}, holding {@code "1"}. */
    static StringColumn asStrings(Column column) {
        String[] values = new String[column.rows() * column.width()];
        Arrays.fill(values, "1");
        return new StringColumn(column.name(), column.width(), values, new BitSet());
    }

    /**
     * A copy in which the numeric columns named in {@code inputs} have missing values: every 7th
     * row (from row 3) marked in the null mask and, in floating-point columns, every 5th row (from
     * row 1) holding NaN in one position.
     */
    static Frame withMissing(Frame frame, Set<String> inputs) {
        List<Column> columns = new ArrayList<>();
        for (Column c : frame.columns()) {
            columns.add(inputs.contains(c.name()) ? withMissing(c) : c);
        }
        return new Frame(frame.rows(), columns);
    }

    private static Column withMissing(Column column) {
        int rows = column.rows();
        int w = column.width();
        BitSet nulls = (BitSet) column.nulls().clone();
        for (int r = 3; r < rows; r += 7) {
            nulls.set(r);
        }
        return switch (column) {
            case FloatColumn c -> {
                float[] values = c.values().clone();
                for (int r = 1; r < rows; r += 5) {
                    values[r * w + r % w] = Float.NaN;
                }
                yield new FloatColumn(c.name(), w, values, nulls);
            }
            case DoubleColumn c -> {
                double[] values = c.values().clone();
                for (int r = 1; r < rows; r += 5) {
                    values[r * w + r % w] = Double.NaN;
                }
                yield new DoubleColumn(c.name(), w, values, nulls);
            }
            case LongColumn c -> new LongColumn(c.name(), w, c.values(), nulls);
            case BoolColumn c -> new BoolColumn(c.name(), w, c.values(), nulls);
            case StringColumn c -> c;
        };
    }
}
