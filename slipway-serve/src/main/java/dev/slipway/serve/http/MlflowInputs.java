package dev.slipway.serve.http;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs of one MLflow request being filled: one {@link MlflowColumn} per model input, found by
 * the names a request may use (the input's name, or for a wide input the labels of its positions).
 * Columns the model does not take are ignored; inputs never sent are refused by name.
 */
final class MlflowInputs {

    /** Where a request column goes: a model input, as a whole ({@code pos < 0}) or one position. */
    record Slot(MlflowColumn column, int pos) {}

    private final String model;
    private final Signature signature;
    private final int rows;
    private final List<MlflowColumn> columns;
    private final Map<String, Slot> byName = new HashMap<>();

    MlflowInputs(String model, Signature signature, int rows) {
        this.model = model;
        this.signature = signature;
        this.rows = rows;
        this.columns = new ArrayList<>(signature.inputs().size());
        for (ColumnSpec spec : signature.inputs()) {
            MlflowColumn c = new MlflowColumn(spec, rows);
            columns.add(c);
            byName.put(spec.name(), new Slot(c, -1));
        }
        for (MlflowColumn c : columns) {
            List<String> labels = c.spec().labels();
            if (c.spec().width() > 1) {
                for (int p = 0; p < labels.size(); p++) {
                    byName.putIfAbsent(labels.get(p), new Slot(c, p));
                }
            }
        }
    }

    int rows() {
        return rows;
    }

    String model() {
        return model;
    }

    /** The slot of the request column {@code name}, marked as sent; empty when it is extra. */
    Optional<Slot> slot(String name) {
        Slot s = byName.get(name);
        if (s == null) {
            return Optional.empty();
        }
        s.column().sent(s.pos());
        return Optional.of(s);
    }

    /** The slots of a header of named columns, each marked as sent; a name twice is refused. */
    List<Optional<Slot>> header(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        List<Optional<Slot>> slots = new ArrayList<>(names.size());
        for (String n : names) {
            if (!seen.add(n)) {
                throw InvalidInputException.of(
                        n,
                        "column '%s' appears twice in %s; give each column once"
                                .formatted(n, what));
            }
            slots.add(slot(n));
        }
        return slots;
    }

    /** The number of model inputs. */
    int inputs() {
        return columns.size();
    }

    /** Whether the model takes one input, with several values per row. */
    boolean oneWideInput() {
        return columns.size() == 1 && columns.getFirst().spec().width() > 1;
    }

    /** The model's {@code j}-th input as a whole, marked as sent. */
    Slot positional(int j) {
        MlflowColumn c = columns.get(j);
        c.sent(-1);
        return new Slot(c, -1);
    }

    /** The names of the inputs in order, for messages. */
    String names() {
        List<String> names = signature.inputs().stream().map(ColumnSpec::name).toList();
        return names.size() <= 20
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 20))
                        + " and %d more".formatted(names.size() - 20);
    }

    /** The frame of the model's inputs, in its order; refuses inputs that were never sent. */
    Frame build() {
        List<Column> built = new ArrayList<>(columns.size());
        for (MlflowColumn c : columns) {
            if (!c.complete()) {
                ColumnSpec s = c.spec();
                String how =
                        s.width() == 1
                                ? "send a column named '%s'".formatted(s.name())
                                : "send '%s' as a list of %d values per row%s"
                                        .formatted(
                                                s.name(),
                                                s.width(),
                                                s.labels().isEmpty()
                                                        ? ""
                                                        : ", or as the columns "
                                                                + String.join(", ", s.labels()));
                throw InvalidInputException.of(
                        s.name(),
                        "missing input '%s': model %s needs %s; %s"
                                .formatted(s.name(), model, names(), how));
            }
            built.add(c.build());
        }
        return new Frame(rows, built);
    }
}
