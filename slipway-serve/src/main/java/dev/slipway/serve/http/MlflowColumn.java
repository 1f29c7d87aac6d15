package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One model input being filled from an MLflow request, value by value, straight into the type the
 * signature declares. Only safe values are taken: numbers for FP64 and FP32, whole numbers for
 * INT64, booleans (or 0 and 1) for BOOL, strings for STRING; null and empty CSV fields (blank ones
 * for numbers) are missing. Rows never written are missing.
 *
 * <p>A wide input (a row of several values) takes either a list per row, or its positions one by
 * one under their labels (e.g. feature names sent as separate columns).
 */
final class MlflowColumn {

    private final ColumnSpec spec;
    private final int rows;
    private final int width;
    private double[] doubles;
    private float[] floats;
    private long[] longs;
    private boolean[] bools;
    private String[] strings;
    private final BitSet present = new BitSet();
    private final BitSet holes = new BitSet();
    private boolean whole;
    private final BitSet positions = new BitSet();

    MlflowColumn(ColumnSpec spec, int rows) {
        this.spec = spec;
        this.rows = rows;
        this.width = spec.width();
        int n = rows * width;
        switch (spec.dtype()) {
            case FP64 -> {
                doubles = new double[n];
                Arrays.fill(doubles, Double.NaN);
            }
            case FP32 -> {
                floats = new float[n];
                Arrays.fill(floats, Float.NaN);
            }
            case INT64 -> longs = new long[n];
            case BOOL -> bools = new boolean[n];
            case STRING -> {
                strings = new String[n];
                Arrays.fill(strings, "");
            }
        }
    }

    ColumnSpec spec() {
        return spec;
    }

    /** Marks the column as sent as a whole ({@code pos < 0}) or at one position. */
    void sent(int pos) {
        if (pos < 0) {
            whole = true;
        } else {
            positions.set(pos);
        }
    }

    /** Whether every position of the input was sent, as a whole or one by one. */
    boolean complete() {
        return whole || positions.cardinality() == width;
    }

    /** Sets row {@code row} (the whole row when {@code pos < 0}) from a JSON value. */
    void json(int row, int pos, JsonNode v) {
        if (pos >= 0 || width == 1) {
            element(row, Math.max(pos, 0), v);
            return;
        }
        if (v.isNull()) {
            return;
        }
        if (!v.isArray() || v.size() != width) {
            throw bad(
                    row,
                    0,
                    -1,
                    "value %s is not a list of %d %s; send each row of input '%s' as its own list of %d values, inside the list of rows"
                            .formatted(
                                    abbreviate(v.toString()), width, kind(), spec.name(), width));
        }
        for (int p = 0; p < width; p++) {
            element(row, p, v.get(p));
        }
    }

    private void element(int row, int pos, JsonNode v) {
        int i = row * width + pos;
        if (v.isNull()) {
            missing(row);
            return;
        }
        boolean ok =
                switch (spec.dtype()) {
                    case FP64 -> {
                        if (v.isNumber()) {
                            doubles[i] = v.doubleValue();
                        }
                        yield v.isNumber();
                    }
                    case FP32 -> {
                        if (v.isNumber()) {
                            floats[i] = v.floatValue();
                        }
                        yield v.isNumber();
                    }
                    case INT64 -> {
                        boolean integral = v.isIntegralNumber() && v.canConvertToLong();
                        if (integral) {
                            longs[i] = v.longValue();
                        }
                        yield integral;
                    }
                    case BOOL -> {
                        boolean b =
                                v.isBoolean()
                                        || v.isIntegralNumber()
                                                && (v.longValue() == 0 || v.longValue() == 1);
                        if (b) {
                            bools[i] = v.isBoolean() ? v.booleanValue() : v.longValue() == 1;
                        }
                        yield b;
                    }
                    case STRING -> {
                        if (v.isTextual()) {
                            strings[i] = v.textValue();
                        }
                        yield v.isTextual();
                    }
                };
        if (!ok) {
            throw bad(row, 0, pos, "value " + abbreviate(v.toString()) + " " + refusal(v));
        }
        present.set(row);
    }

    /** Sets position {@code pos} of row {@code row} from a CSV field on 1-based {@code line}. */
    void text(int row, int pos, String field, long line) {
        int p = Math.max(pos, 0);
        if (pos < 0 && width > 1) {
            throw bad(
                    row,
                    line,
                    -1,
                    "input '%s' takes %d values per row, which CSV cannot hold in one field; send them as %d columns%s"
                            .formatted(
                                    spec.name(),
                                    width,
                                    width,
                                    spec.labels().isEmpty()
                                            ? " (this model names no columns for them: send JSON)"
                                            : " named " + String.join(", ", spec.labels())));
        }
        if (field.isEmpty() || spec.dtype() != DType.STRING && field.isBlank()) {
            missing(row);
            return;
        }
        int i = row * width + p;
        String t = field.strip();
        try {
            switch (spec.dtype()) {
                case FP64 -> doubles[i] = number(t);
                case FP32 -> floats[i] = (float) number(t);
                case INT64 -> longs[i] = Long.parseLong(t);
                case BOOL -> bools[i] = bool(t);
                case STRING -> strings[i] = field;
            }
        } catch (NumberFormatException e) {
            throw bad(row, line, pos, "\"%s\" %s".formatted(abbreviate(field), refusal()));
        }
        present.set(row);
    }

    private static double number(String t) {
        String u = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (u.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (u.equalsIgnoreCase("inf") || u.equalsIgnoreCase("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        // Double.parseDouble also takes hexadecimal and type suffixes, which CSV numbers never are.
        for (int k = 0; k < u.length(); k++) {
            char c = u.charAt(k);
            if (!(c >= '0' && c <= '9'
                    || c == '.'
                    || c == 'e'
                    || c == 'E'
                    || c == '-'
                    || c == '+')) {
                throw new NumberFormatException(t);
            }
        }
        return Double.parseDouble(t);
    }

    private static boolean bool(String t) {
        if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return true;
        }
        if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return false;
        }
        throw new NumberFormatException(t);
    }

    private void missing(int row) {
        if (width > 1 && !floating()) {
            holes.set(row);
        }
    }

    private boolean floating() {
        return spec.dtype() == DType.FP64 || spec.dtype() == DType.FP32;
    }

    /** The column; rows never written, or with a missing value in a non-float row, are missing. */
    Column build() {
        BitSet nulls = new BitSet(rows);
        nulls.set(0, rows);
        nulls.andNot(present);
        nulls.or(holes);
        String name = spec.name();
        return switch (spec.dtype()) {
            case FP64 -> new DoubleColumn(name, width, doubles, nulls);
            case FP32 -> new FloatColumn(name, width, floats, nulls);
            case INT64 -> new LongColumn(name, width, longs, nulls);
            case BOOL -> new BoolColumn(name, width, bools, nulls);
            case STRING -> new StringColumn(name, width, strings, nulls);
        };
    }

    private String refusal(JsonNode v) {
        if (spec.dtype() == DType.STRING) {
            return v.isNumber() || v.isBoolean()
                    ? "is not a string, and column '%s' is a category: send the category as a string (e.g. \"%s\")"
                            .formatted(
                                    spec.name(),
                                    v.isNumber() ? v.asText() : v.booleanValue() ? "true" : "false")
                    : "is not a string; column '%s' takes strings".formatted(spec.name());
        }
        if (spec.dtype() == DType.INT64 && v.isNumber()) {
            return "is not a whole number; column '%s' takes whole numbers (INT64)"
                    .formatted(spec.name());
        }
        return refusal();
    }

    private String refusal() {
        return switch (spec.dtype()) {
            case FP64, FP32 ->
                    "is not a number; column '%s' takes numbers (%s), and text is not converted"
                            .formatted(spec.name(), spec.dtype().protocolName());
            case INT64 ->
                    "is not a whole number; column '%s' takes whole numbers (INT64)"
                            .formatted(spec.name());
            case BOOL ->
                    "is not a boolean; column '%s' takes true or false (BOOL)"
                            .formatted(spec.name());
            case STRING -> "is not a string; column '%s' takes strings".formatted(spec.name());
        };
    }

    private String kind() {
        return switch (spec.dtype()) {
            case FP64, FP32 -> "numbers";
            case INT64 -> "whole numbers";
            case BOOL -> "booleans";
            case STRING -> "strings";
        };
    }

    /** Where a value is: the request's column name (a label when sent one by one) and row. */
    private String where(int row, long line, int pos) {
        String column =
                pos >= 0 && width > 1 && !spec.labels().isEmpty()
                        ? spec.labels().get(pos)
                        : spec.name();
        return line > 0
                ? "column '%s' on line %d".formatted(column, line)
                : "column '%s' row %d".formatted(column, row);
    }

    private InvalidInputException bad(int row, long line, int pos, String what) {
        return InvalidInputException.of(spec.name(), where(row, line, pos) + ": " + what);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
