package dev.slipway.data;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a batch of data against a dataset version. Immutable.
 *
 * @param against the reference version, as {@code dataset@id}
 * @param file the batch checked
 * @param rows how many rows the batch has
 * @param problems what was found, missing and extra columns first, then by column in the
 *     reference's order
 */
public record ValidationReport(String against, String file, long rows, List<Problem> problems) {

    public ValidationReport {
        Objects.requireNonNull(against, "against");
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
    }

    /** Whether the batch has no {@link Severity#ERROR} problem (warnings do not fail it). */
    public boolean passed() {
        return errors() == 0;
    }

    /** How many problems are errors. */
    public long errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    /** How many problems are warnings. */
    public long warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
    }
}
