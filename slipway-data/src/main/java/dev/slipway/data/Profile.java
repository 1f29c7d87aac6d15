package dev.slipway.data;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statistics of a dataset version: its row count and one {@link ColumnProfile} per column, in
 * schema order. Immutable; monitoring compares the profiles of two versions.
 *
 * @param rows the number of rows
 * @param columns the columns, with unique names; for each, values plus nulls equal {@code rows}
 */
public record Profile(long rows, List<ColumnProfile> columns) {
    public Profile {
        columns = List.copyOf(columns);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        Set<String> seen = new HashSet<>();
        for (ColumnProfile c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("duplicate column '" + c.name() + "'");
            }
            if (c.count() + c.nulls() != rows) {
                throw new IllegalArgumentException(
                        "column '%s' has %d values and %d nulls, which does not add up to %d rows"
                                .formatted(c.name(), c.count(), c.nulls(), rows));
            }
        }
    }

    /** The profile of the column named {@code name}, when there is one. */
    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
