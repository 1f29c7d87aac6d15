package dev.slipway.monitor.log;

import dev.slipway.api.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which rows of a prediction log or file to read: those whose time is in {@code [from, to)} (each
 * end open when absent), and of these only the last {@code lastRows} in row order when given.
 *
 * @param from the first instant included
 * @param to the first instant excluded
 * @param lastRows keep only this many rows, the last ones, at least 1
 */
public record Range(Optional<Instant> from, Optional<Instant> to, OptionalLong lastRows) {

    public Range {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lastRows, "lastRows");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw InvalidInputException.of(
                    "range",
                    "the time range starts at %s and ends at %s: give a start before the end"
                            .formatted(from.get(), to.get()));
        }
        if (lastRows.isPresent() && lastRows.getAsLong() < 1) {
            throw InvalidInputException.of(
                    "range",
                    "the number of last rows must be 1 or more, got " + lastRows.getAsLong());
        }
    }

    /** Every row. */
    public static Range all() {
        return new Range(Optional.empty(), Optional.empty(), OptionalLong.empty());
    }

    /** The rows of {@code [from, to)}. */
    public static Range between(Instant from, Instant to) {
        return new Range(Optional.of(from), Optional.of(to), OptionalLong.empty());
    }

    /** The same range, keeping only its last {@code rows} rows. */
    public Range lastRows(long rows) {
        return new Range(from, to, OptionalLong.of(rows));
    }

    /** The SQL conditions of the time bounds on {@code timeColumn}; empty when unbounded. */
    List<String> conditions(String timeColumn) {
        List<String> c = new ArrayList<>();
        from.ifPresent(f -> c.add(DuckSql.id(timeColumn) + " >= " + DuckSql.timestamp(f)));
        to.ifPresent(t -> c.add(DuckSql.id(timeColumn) + " < " + DuckSql.timestamp(t)));
        return c;
    }

    /** A short description for messages, e.g. {@code from 2024-01-01T00:00:00Z, last 100 rows}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        from.ifPresent(f -> parts.add("from " + f));
        to.ifPresent(t -> parts.add("until " + t));
        lastRows.ifPresent(n -> parts.add("last " + n + " rows"));
        return parts.isEmpty() ? "all rows" : String.join(", ", parts);
    }
}
