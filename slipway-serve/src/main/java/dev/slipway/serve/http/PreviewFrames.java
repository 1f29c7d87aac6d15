package dev.slipway.serve.http;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Field;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.data.Preview;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The first rows of a dataset version as a {@link Frame} typed as {@link Datasets#read} types a
 * whole version (numbers as FP64, integers as INT64, booleans as BOOL, the rest as STRING), for a
 * version too large to read whole: it streams only those rows, as text, and parses them here.
 */
final class PreviewFrames {

    private PreviewFrames() {}

    /** The first {@code rows} rows of {@code v}'s columns {@code names}. */
    static Frame head(Datasets datasets, DatasetVersion v, List<String> names, int rows) {
        DatasetRef ref = v.ref();
        Preview p = datasets.head(ref, rows);
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            int at = p.columns().indexOf(name);
            Field f = v.schema().find(name).orElseThrow();
            columns.add(column(f, p, at));
        }
        return new Frame(p.rows().size(), columns);
    }

    private static Column column(Field f, Preview p, int at) {
        int n = p.rows().size();
        BitSet nulls = new BitSet();
        return switch (f.type()) {
            case NUMERIC -> {
                double[] values = new double[n];
                for (int r = 0; r < n; r++) {
                    values[r] = number(p.rows().get(r).get(at));
                    if (Double.isNaN(values[r])) {
                        nulls.set(r);
                    }
                }
                yield new DoubleColumn(f.name(), 1, values, nulls);
            }
            case INTEGER -> {
                long[] values = new long[n];
                for (int r = 0; r < n; r++) {
                    String text = p.rows().get(r).get(at);
                    try {
                        values[r] = Long.parseLong(text.strip());
                    } catch (NumberFormatException e) {
                        nulls.set(r);
                    }
                }
                yield new LongColumn(f.name(), 1, values, nulls);
            }
            case BOOLEAN -> {
                boolean[] values = new boolean[n];
                for (int r = 0; r < n; r++) {
                    String text = p.rows().get(r).get(at).strip().toLowerCase(Locale.ROOT);
                    values[r] = text.equals("true");
                    if (!text.equals("true") && !text.equals("false")) {
                        nulls.set(r);
                    }
                }
                yield new BoolColumn(f.name(), 1, values, nulls);
            }
            case CATEGORICAL, TEXT, TIMESTAMP -> {
                String[] values = new String[n];
                for (int r = 0; r < n; r++) {
                    String text = p.rows().get(r).get(at);
                    values[r] = text;
                    if (text.isEmpty()) {
                        nulls.set(r);
                    }
                }
                yield new StringColumn(f.name(), 1, values, nulls);
            }
        };
    }

    /** A number as DuckDB writes it ({@code 1.5}, {@code inf}, {@code nan}); NaN when missing. */
    private static double number(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "nan", "-nan" -> Double.NaN;
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }
}
