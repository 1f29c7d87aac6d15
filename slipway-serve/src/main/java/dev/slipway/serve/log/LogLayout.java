package dev.slipway.serve.log;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;

/**
 * The columns of the log files written for one signature, and how to fill them from an entry: the
 * metadata columns, then the inputs, then the outputs, one row per predicted row. Immutable.
 */
final class LogLayout {

    /** The columns every log file starts with, and their DuckDB types. */
    static final List<String> METADATA =
            List.of(
                    "request_id VARCHAR",
                    "row_index INTEGER",
                    "ts TIMESTAMPTZ",
                    "model VARCHAR",
                    "model_version INTEGER",
                    "protocol VARCHAR",
                    "latency_us BIGINT");

    /**
     * Names no data column may take: the metadata columns, and {@code date}, which readers get from
     * the partition folder.
     */
    private static final Set<String> RESERVED =
            Set.of(
                    "request_id",
                    "row_index",
                    "ts",
                    "model",
                    "model_version",
                    "protocol",
                    "latency_us",
                    "date");

    /**
     * One data column of the file.
     *
     * @param name the column name in the file
     * @param sqlType its DuckDB type
     * @param input whether it comes from the inputs (else the outputs)
     * @param source the signature column it comes from
     * @param position the position within a wide column, or -1 for the whole row
     */
    record Field(String name, String sqlType, boolean input, ColumnSpec source, int position) {}

    private final List<Field> fields;

    private LogLayout(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * The layout for {@code signature}. Outputs take their own names first; an input whose name is
     * taken (by an output or a metadata column) is prefixed with {@code input_}, an output whose
     * name is a metadata column with {@code output_}. Names are compared ignoring case, as DuckDB
     * does.
     */
    static LogLayout of(Signature signature) {
        Set<String> taken = new HashSet<>(RESERVED);
        List<Field> outputs = new ArrayList<>();
        for (ColumnSpec o : signature.outputs()) {
            if (o.width() > 1 && !o.labels().isEmpty()) {
                for (int i = 0; i < o.width(); i++) {
                    String name = unique(o.name() + "_" + o.labels().get(i), "output_", taken);
                    outputs.add(new Field(name, sqlType(o.dtype()), false, o, i));
                }
            } else {
                outputs.add(
                        new Field(unique(o.name(), "output_", taken), sqlType(o), false, o, -1));
            }
        }
        List<Field> fields = new ArrayList<>();
        for (ColumnSpec in : signature.inputs()) {
            fields.add(new Field(unique(in.name(), "input_", taken), sqlType(in), true, in, -1));
        }
        fields.addAll(outputs);
        return new LogLayout(fields);
    }

    List<Field> fields() {
        return fields;
    }

    /** {@code CREATE OR REPLACE TABLE} of this layout under {@code table}. */
    String createTable(String table) {
        String data =
                fields.stream()
                        .map(f -> ", " + quote(f.name()) + " " + f.sqlType())
                        .collect(Collectors.joining());
        return "CREATE OR REPLACE TABLE %s (%s%s)"
                .formatted(table, String.join(", ", METADATA), data);
    }

    /** Appends the rows of {@code p}, one per predicted row. */
    void append(DuckDBAppender a, LoggedPrediction p) throws SQLException {
        Column[] columns = new Column[fields.size()];
        for (int f = 0; f < columns.length; f++) {
            Field field = fields.get(f);
            Frame frame = field.input() ? p.inputs() : p.outputs();
            columns[f] = frame.find(field.source().name()).orElse(null);
        }
        long micros = micros(p.time());
        for (int row = 0; row < p.rows(); row++) {
            a.beginRow()
                    .append(p.requestId())
                    .append(row)
                    .appendEpochMicros(micros)
                    .append(p.model())
                    .append(p.version())
                    .append(p.protocol())
                    .append(p.latencyMicros());
            for (int f = 0; f < columns.length; f++) {
                appendCell(a, columns[f], row, fields.get(f).position());
            }
            a.endRow();
        }
    }

    /** A DuckDB identifier in double quotes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String unique(String name, String prefix, Set<String> taken) {
        String candidate = name;
        while (!taken.add(candidate.toLowerCase(Locale.ROOT))) {
            candidate = prefix + candidate;
        }
        return candidate;
    }

    private static String sqlType(ColumnSpec spec) {
        return spec.width() > 1 ? sqlType(spec.dtype()) + "[]" : sqlType(spec.dtype());
    }

    private static String sqlType(DType dtype) {
        return switch (dtype) {
            case BOOL -> "BOOLEAN";
            case INT64 -> "BIGINT";
            case FP32 -> "FLOAT";
            case FP64 -> "DOUBLE";
            case STRING -> "VARCHAR";
        };
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /**
     * One cell: the whole row of {@code c} (a LIST when it is wide) when {@code position} is -1,
     * else one position of it. Missing rows, missing columns and NaN are NULL.
     */
    private static void appendCell(DuckDBAppender a, Column c, int row, int position)
            throws SQLException {
        if (c == null || c.isNull(row)) {
            a.appendNull();
        } else if (position < 0 && c.width() > 1) {
            appendList(a, c, row * c.width(), (row + 1) * c.width());
        } else {
            int i = row * c.width() + Math.max(position, 0);
            switch (c) {
                case BoolColumn b -> a.append(b.values()[i]);
                case LongColumn l -> a.append(l.values()[i]);
                case FloatColumn fc -> {
                    float v = fc.values()[i];
                    if (Float.isNaN(v)) {
                        a.appendNull();
                    } else {
                        a.append(v);
                    }
                }
                case DoubleColumn d -> {
                    double v = d.values()[i];
                    if (Double.isNaN(v)) {
                        a.appendNull();
                    } else {
                        a.append(v);
                    }
                }
                case StringColumn s -> a.append(s.values()[i]);
            }
        }
    }

    private static void appendList(DuckDBAppender a, Column c, int from, int to)
            throws SQLException {
        switch (c) {
            case BoolColumn b -> a.append(Arrays.copyOfRange(b.values(), from, to));
            case LongColumn l -> a.append(Arrays.copyOfRange(l.values(), from, to));
            case FloatColumn fc -> {
                float[] v = Arrays.copyOfRange(fc.values(), from, to);
                boolean[] nan = new boolean[v.length];
                for (int k = 0; k < v.length; k++) {
                    nan[k] = Float.isNaN(v[k]);
                }
                a.append(v, nan);
            }
            case DoubleColumn d -> {
                double[] v = Arrays.copyOfRange(d.values(), from, to);
                boolean[] nan = new boolean[v.length];
                for (int k = 0; k < v.length; k++) {
                    nan[k] = Double.isNaN(v[k]);
                }
                a.append(v, nan);
            }
            case StringColumn s ->
                    a.append(Arrays.asList(Arrays.copyOfRange(s.values(), from, to)));
        }
    }
}
