package dev.slipway.data;

import java.util.List;
import java.util.Objects;

/**
 * One thing a validation found wrong with a batch of data.
 *
 * @param severity whether it fails the validation
 * @param kind what kind of problem it is
 * @param column the column it concerns
 * @param count how many rows it affects (every row for a missing or extra column)
 * @param examples up to three offending values, each with where it is, e.g. {@code 'abc' (line 17)}
 * @param message what is wrong and what to do about it
 */
public record Problem(
        Severity severity,
        ProblemKind kind,
        String column,
        long count,
        List<String> examples,
        String message) {

    /** The most examples a problem carries. */
    public static final int MAX_EXAMPLES = 3;

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
        examples = List.copyOf(examples);
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException(
                    "a problem carries at most %d examples, got %d"
                            .formatted(MAX_EXAMPLES, examples.size()));
        }
    }
}
