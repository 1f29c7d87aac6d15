package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * What one input or output column of a model holds: its name, element type and width, and the names
 * of its positions when they have names (class names for a probability column, feature names for a
 * 2-D input), else an empty list.
 */
public record ColumnSpec(String name, DType dtype, int width, List<String> labels) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        labels = List.copyOf(labels);
        if (name.isEmpty() || width < 1) {
            throw InvalidInputException.of(
                    "signature",
                    "a column spec needs a name and a width of 1 or more, got '%s' of width %d"
                            .formatted(name, width));
        }
        if (!labels.isEmpty() && labels.size() != width) {
            throw InvalidInputException.of(
                    name,
                    "column '%s' has width %d but %d position names"
                            .formatted(name, width, labels.size()));
        }
    }

    /** A table column: width 1, no position names. */
    public static ColumnSpec scalar(String name, DType dtype) {
        return new ColumnSpec(name, dtype, 1, List.of());
    }
}
