package dev.slipway.serve.grpc;

import dev.slipway.api.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of a request tensor, read as a column: {@code dims[0]} rows of the product of the other
 * dimensions each.
 */
record Shape(List<Long> dims, int rows, int width, int elements) {

    /** The largest number of elements one input may hold. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The shape {@code dims} of input {@code input}, refused when it cannot be a column. */
    static Shape of(String input, List<Long> dims) {
        if (dims.isEmpty()) {
            throw InvalidInputException.of(
                    input,
                    "input '%s' has no shape; send shape [rows] for a column or [rows, width] for rows of several values"
                            .formatted(input));
        }
        long width = 1;
        for (int i = 0; i < dims.size(); i++) {
            long d = dims.get(i);
            if (d < 0) {
                throw InvalidInputException.of(
                        input,
                        "input '%s' has shape %s with a negative dimension; send the actual sizes (-1 appears only in metadata)"
                                .formatted(input, text(dims)));
            }
            if (i > 0) {
                width = Math.min(width * Math.min(d, MAX_ELEMENTS + 1L), MAX_ELEMENTS + 1L);
            }
        }
        long rows = dims.getFirst();
        if (width == 0) {
            throw InvalidInputException.of(
                    input,
                    "input '%s' has shape %s, which leaves no values in a row; send shape [rows] or [rows, width]"
                            .formatted(input, text(dims)));
        }
        if (width > MAX_ELEMENTS || rows > MAX_ELEMENTS / width) {
            throw InvalidInputException.of(
                    input,
                    "input '%s' has shape %s, more than %d values; send fewer rows per request"
                            .formatted(input, text(dims), MAX_ELEMENTS));
        }
        long elements = rows * width;
        return new Shape(List.copyOf(dims), (int) rows, (int) width, (int) elements);
    }

    @Override
    public String toString() {
        return text(dims);
    }

    private static String text(List<Long> dims) {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
