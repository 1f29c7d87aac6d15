package dev.slipway.monitor.window;

import java.time.Instant;
import java.util.Objects;

/**
 * One window of monitored data.
 *
 * <p>For time windows ({@link WindowSpec.Span}, {@link WindowSpec.Months}) the window is {@code
 * [start, end)}, whether or not rows fall in it. For row windows ({@link WindowSpec.Rows}), {@code
 * start} and {@code end} are the times of its first and last rows, both included.
 *
 * @param index the window's position, from 0
 * @param start where it starts
 * @param end where it ends
 * @param rows how many rows it holds
 * @param where a SQL condition selecting its rows from {@link WindowSet#relation()}, e.g. {@code
 *     "ts" >= TIMESTAMPTZ '...' AND "ts" < TIMESTAMPTZ '...'}
 */
public record Window(int index, Instant start, Instant end, long rows, String where) {

    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(where, "where");
        if (index < 0 || rows < 0 || end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "window %d [%s, %s) of %d rows is not valid"
                            .formatted(index, start, end, rows));
        }
    }
}
