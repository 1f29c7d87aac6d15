package dev.slipway.monitor.perf;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import dev.slipway.monitor.log.PredictionLogs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read label rows, and what to check them against.
 *
 * <p>The key column names the column of the predictions the labels join to, and holds the same
 * values. {@code request_id} (the default) means the prediction log's request id: such labels also
 * carry the row's position in its request from their {@code row_index} column when they have one,
 * else 0 (the single row of a one-row request). Any other name is a column of the predictions, e.g.
 * an input {@code id} that requests carry.
 *
 * @param keyColumn the column of the label rows holding the key
 * @param labelColumn the column of the label rows holding the true label
 * @param task when present, every label must suit it: a finite number for regression, one of {@code
 *     classes} for a classifier (or, with no classes given, at most two values for binary)
 * @param classes the model's class names, in order, for checking classification labels; may be
 *     empty
 */
public record LabelOptions(
        String keyColumn, String labelColumn, Optional<Task> task, List<String> classes) {

    /** The default key column: the prediction log's request id. */
    public static final String REQUEST_ID = PredictionLogs.REQUEST_ID;

    /** The default label column. */
    public static final String LABEL = "label";

    public LabelOptions {
        requireName(keyColumn, "key column");
        requireName(labelColumn, "label column");
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        if (keyColumn.equals(labelColumn)) {
            throw InvalidInputException.of(
                    "label column",
                    "the key and the label are both column '%s'; name two different columns"
                            .formatted(keyColumn));
        }
    }

    /** Keys in {@code request_id}, labels in {@code label}, nothing checked. */
    public static LabelOptions defaults() {
        return new LabelOptions(REQUEST_ID, LABEL, Optional.empty(), List.of());
    }

    /** The same options with keys in {@code column}. */
    public LabelOptions withKeyColumn(String column) {
        return new LabelOptions(column, labelColumn, task, classes);
    }

    /** The same options with labels in {@code column}. */
    public LabelOptions withLabelColumn(String column) {
        return new LabelOptions(keyColumn, column, task, classes);
    }

    /** The same options, checking labels against {@code task} and its {@code classes}. */
    public LabelOptions expecting(Task expected, List<String> expectedClasses) {
        return new LabelOptions(keyColumn, labelColumn, Optional.of(expected), expectedClasses);
    }

    /** Whether the key is the prediction log's request id. */
    public boolean byRequestId() {
        return keyColumn.equals(REQUEST_ID);
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of(
                    what,
                    "name the %s, e.g. %s"
                            .formatted(what, what.startsWith("key") ? "id" : "label"));
        }
    }
}
