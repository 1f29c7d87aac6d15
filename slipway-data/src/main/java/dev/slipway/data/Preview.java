package dev.slipway.data;

import java.util.List;

/**
 * The first rows of a dataset version, as text.
 *
 * @param columns the column names
 * @param rows the rows, each a list of values rendered as text; a missing value is empty
 */
public record Preview(List<String> columns, List<List<String>> rows) {
    public Preview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
