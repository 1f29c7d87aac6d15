package dev.slipway.serve.local;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.ErrorKind;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.core.Inference;
import dev.slipway.serve.core.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;

/**
 * One model of {@link LocalModels}: predicts frames or rows given as maps from column name to value
 * (numbers for numeric columns, strings for categories, null for missing). Thread-safe.
 */
public final class LocalModel {

    private final String name;
    private final Gateway gateway;

    LocalModel(String name, Gateway gateway) {
        this.name = name;
        this.gateway = gateway;
    }

    /** The model's name. */
    public String name() {
        return name;
    }

    /** The version answering now. */
    public int version() {
        return gateway.core().model(name).version().orElseThrow();
    }

    /** What the version answering now takes and returns. */
    public Signature signature() {
        return gateway.core().signature(name).orElseThrow();
    }

    /**
     * Predicts every row of {@code rows}; the frame's columns are checked and converted as the
     * server does.
     *
     * @throws InvalidInputException naming the column when the rows do not fit the model
     */
    public Frame predict(Frame rows) {
        return infer(rows).outputs();
    }

    /** Predicts {@code rows} and says which version answered. */
    public Inference infer(Frame rows) {
        Call call = new Call("local", Protocol.JAVA, System.nanoTime());
        try {
            return gateway.infer(call, name, OptionalInt.empty(), rows).join();
        } catch (CompletionException e) {
            Throwable cause = ErrorKind.unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Predicts one row; see {@link #predict(List)}. */
    public Map<String, Object> predict(Map<String, ?> row) {
        return predict(List.of(row)).getFirst();
    }

    /**
     * Predicts rows given as maps. The answer has one map per row: each output by name; an output
     * with named positions (a classifier's probabilities) as a map from class to value.
     */
    public List<Map<String, Object>> predict(List<? extends Map<String, ?>> rows) {
        Signature s = signature();
        List<Column> columns = new ArrayList<>();
        for (ColumnSpec spec : s.inputs()) {
            columns.add(column(spec, rows));
        }
        Frame out = predict(new Frame(rows.size(), columns));
        List<Map<String, Object>> answers = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> m = new LinkedHashMap<>();
            answers.add(m);
            for (ColumnSpec spec : s.outputs()) {
                int row = r;
                out.find(spec.name()).ifPresent(c -> m.put(spec.name(), value(c, spec, row)));
            }
        }
        return answers;
    }

    private static Object value(Column c, ColumnSpec spec, int row) {
        if (c.isNull(row)) {
            return null;
        }
        int w = c.width();
        if (w == 1) {
            return switch (c) {
                case DoubleColumn d -> d.values()[row];
                case FloatColumn f -> (double) f.values()[row];
                case LongColumn l -> l.values()[row];
                case BoolColumn b -> b.values()[row];
                case StringColumn x -> x.values()[row];
            };
        }
        List<Object> values = new ArrayList<>(w);
        for (int i = 0; i < w; i++) {
            int at = row * w + i;
            values.add(
                    switch (c) {
                        case DoubleColumn d -> d.values()[at];
                        case FloatColumn f -> (double) f.values()[at];
                        case LongColumn l -> l.values()[at];
                        case BoolColumn b -> b.values()[at];
                        case StringColumn x -> x.values()[at];
                    });
        }
        if (spec.labels().size() == w) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < w; i++) {
                named.put(spec.labels().get(i), values.get(i));
            }
            return named;
        }
        return values;
    }

    private static Column column(ColumnSpec spec, List<? extends Map<String, ?>> rows) {
        String col = spec.name();
        if (spec.width() != 1) {
            throw InvalidInputException.of(
                    col,
                    "input '%s' takes %d values per row; predict a Frame for it"
                            .formatted(col, spec.width()));
        }
        int n = rows.size();
        BitSet nulls = new BitSet();
        switch (spec.dtype()) {
            case STRING -> {
                String[] v = new String[n];
                Arrays.fill(v, "");
                for (int r = 0; r < n; r++) {
                    Object o = get(rows.get(r), col, r);
                    if (o == null) {
                        nulls.set(r);
                    } else if (o instanceof String s) {
                        v[r] = s;
                    } else {
                        throw wrong(col, r, o, "a string");
                    }
                }
                return new StringColumn(col, 1, v, nulls);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int r = 0; r < n; r++) {
                    Object o = get(rows.get(r), col, r);
                    if (o == null) {
                        nulls.set(r);
                    } else if (o instanceof Boolean b) {
                        v[r] = b;
                    } else {
                        throw wrong(col, r, o, "true or false");
                    }
                }
                return new BoolColumn(col, 1, v, nulls);
            }
            case INT64, FP32, FP64 -> {
                double[] v = new double[n];
                for (int r = 0; r < n; r++) {
                    Object o = get(rows.get(r), col, r);
                    if (o == null) {
                        nulls.set(r);
                        v[r] = Double.NaN;
                    } else if (o instanceof Number x) {
                        v[r] = x.doubleValue();
                    } else {
                        throw wrong(col, r, o, "a number");
                    }
                }
                if (spec.dtype() == dev.slipway.api.model.DType.INT64) {
                    long[] l = new long[n];
                    for (int r = 0; r < n; r++) {
                        l[r] = (long) v[r];
                    }
                    return new LongColumn(col, 1, l, nulls);
                }
                return new DoubleColumn(col, 1, v, nulls);
            }
        }
        throw new IllegalStateException(spec.dtype().toString());
    }

    private static Object get(Map<String, ?> row, String col, int r) {
        if (!row.containsKey(col)) {
            throw InvalidInputException.of(
                    col,
                    "row %d has no '%s'; give every input (null for a missing value)"
                            .formatted(r, col));
        }
        return row.get(col);
    }

    private static InvalidInputException wrong(String col, int r, Object o, String wanted) {
        return InvalidInputException.of(
                col,
                "row %d: '%s' is %s (%s); the model needs %s"
                        .formatted(r, col, o, o.getClass().getSimpleName(), wanted));
    }
}
