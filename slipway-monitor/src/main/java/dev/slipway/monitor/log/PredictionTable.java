package dev.slipway.monitor.log;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Predictions to monitor, as a DuckDB relation: a model's prediction log over a range, or a file of
 * timestamped predictions. Immutable.
 *
 * <p>{@link #relation()} is a parenthesised {@code SELECT} that reads the files by absolute path,
 * so any DuckDB connection can query it ({@code SELECT ... FROM <relation> WHERE ...}), ideally a
 * {@link MonitorSession}, whose time zone is UTC. It reads the files again at each query: rows
 * written in the meantime inside the range appear.
 *
 * @param source what the rows are, for messages, e.g. {@code prediction log of adult-income (all
 *     rows)}
 * @param relation the rows as a SQL table expression
 * @param timeColumn the column holding each row's time, a {@code TIMESTAMP WITH TIME ZONE}
 * @param orderColumns columns that, ascending, put the rows in a total order (their row order):
 *     time, request id and row index for a log; the position in the file for a file
 * @param columns every column of the relation, in order
 * @param inputs the columns holding the model's inputs
 * @param outputs the columns holding the model's outputs (predictions)
 */
public record PredictionTable(
        String source,
        String relation,
        String timeColumn,
        List<String> orderColumns,
        List<DataColumn> columns,
        List<DataColumn> inputs,
        List<DataColumn> outputs) {

    public PredictionTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(timeColumn, "timeColumn");
        orderColumns = List.copyOf(orderColumns);
        columns = List.copyOf(columns);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (orderColumns.isEmpty()) {
            throw new IllegalArgumentException("a prediction table needs its order columns");
        }
    }

    /** The column named exactly {@code name}, if the relation has one. */
    public Optional<DataColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names of every column, in order. */
    public List<String> columnNames() {
        return columns.stream().map(DataColumn::name).toList();
    }

    /** The names of the output columns, in order. */
    public List<String> outputNames() {
        return outputs.stream().map(DataColumn::name).toList();
    }

    /** The names of the input columns, in order. */
    public List<String> inputNames() {
        return inputs.stream().map(DataColumn::name).toList();
    }
}
