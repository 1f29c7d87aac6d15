package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A batch of rows stored by column: the input and the output of a {@link Predictor}. Every column
 * has the same number of rows and a distinct name. Immutable as long as the arrays under its
 * columns are not changed.
 */
public record Frame(int rows, List<Column> columns) {

    public Frame {
        columns = List.copyOf(columns);
        if (rows < 0) {
            throw InvalidInputException.of("frame", "a frame cannot have %d rows".formatted(rows));
        }
        // Few columns (the usual case, checked per request): compare pairs, without allocating.
        Set<String> names = columns.size() > 32 ? new HashSet<>() : null;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (names != null ? !names.add(c.name()) : seenBefore(columns, i)) {
                throw InvalidInputException.of(
                        c.name(),
                        "column '%s' appears twice; give each column its own name"
                                .formatted(c.name()));
            }
            if (c.rows() != rows) {
                throw InvalidInputException.of(
                        c.name(),
                        "column '%s' has %d rows but the batch has %d; send the same number of rows in every column"
                                .formatted(c.name(), c.rows(), rows));
            }
        }
    }

    private static boolean seenBefore(List<Column> columns, int i) {
        String name = columns.get(i).name();
        int h = name.hashCode();
        for (int j = 0; j < i; j++) {
            String other = columns.get(j).name();
            if (other.hashCode() == h && other.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A frame of the given columns; its row count is theirs (0 when there are none). */
    public static Frame of(Column... columns) {
        return new Frame(columns.length == 0 ? 0 : columns[0].rows(), List.of(columns));
    }

    /** The column named {@code name}, if there is one. */
    public Optional<Column> find(String name) {
        Objects.requireNonNull(name, "name");
        // A plain loop: predictors look columns up by name on every call. Names cache their hash,
        // so most mismatches cost one comparison of ints.
        int h = name.hashCode();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String n = c.name();
            if (n.hashCode() == h && n.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The column named {@code name}.
     *
     * @throws InvalidInputException when there is none, listing the columns there are
     */
    public Column column(String name) {
        return find(name)
                .orElseThrow(
                        () ->
                                InvalidInputException.of(
                                        name,
                                        "no column '%s' in the batch; it has %s"
                                                .formatted(name, names())));
    }

    /** The column names in order. */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
