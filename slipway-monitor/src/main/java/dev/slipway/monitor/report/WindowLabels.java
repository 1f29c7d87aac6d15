package dev.slipway.monitor.report;

import dev.slipway.monitor.WindowDrift;
import dev.slipway.monitor.window.Window;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Short and long labels of windows for tables and charts, in UTC. Stateless. */
final class WindowLabels {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private WindowLabels() {}

    /** Whether every window starts at UTC midnight, so that its date names it. */
    static boolean allAtMidnight(List<WindowDrift> windows) {
        return windows.stream()
                .allMatch(
                        w ->
                                w.window()
                                        .start()
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalTime()
                                        .equals(LocalTime.MIDNIGHT));
    }

    /** The window's start, e.g. {@code 05-01} or {@code 05-01 13:00}. */
    static String shortLabel(Window w, boolean midnight) {
        return (midnight ? DAY : DAY_TIME).format(w.start());
    }

    /**
     * The window in full, e.g. {@code #3: 2024-05-01 00:00 to 2024-05-02 00:00 UTC, 1,000 rows}.
     */
    static String longLabel(Window w) {
        return "#%d: %s to %s UTC, %s"
                .formatted(
                        w.index() + 1,
                        Fmt.time(w.start()),
                        Fmt.time(w.end()),
                        Fmt.count(w.rows(), "row"));
    }
}
