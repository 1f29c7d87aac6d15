package dev.slipway.monitor.window;

import java.util.List;
import java.util.Objects;

/**
 * Monitored data cut into windows. Query a window's rows with {@code SELECT ... FROM <relation>
 * WHERE <window.where()>}. Immutable.
 *
 * @param spec how the data was cut
 * @param relation the relation the windows' conditions apply to: the data's own relation for time
 *     windows; for row windows, the same rows with the column {@link Windows#ROW} numbering them in
 *     row order from 0
 * @param windows the windows in time order, from the one holding the first row to the one holding
 *     the last, empty time windows in between included; none when the data has no rows
 */
public record WindowSet(WindowSpec spec, String relation, List<Window> windows) {

    public WindowSet {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(relation, "relation");
        windows = List.copyOf(windows);
    }

    /** The rows in all windows. */
    public long rows() {
        return windows.stream().mapToLong(Window::rows).sum();
    }
}
