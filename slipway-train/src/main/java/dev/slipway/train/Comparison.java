package dev.slipway.train;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs side by side.
 *
 * @param runs the runs compared, in the order asked
 * @param lines one line per field, parameter ({@code param}) and metric ({@code metric})
 */
public record Comparison(List<Run> runs, List<Line> lines) {

    public Comparison {
        runs = List.copyOf(runs);
        lines = List.copyOf(lines);
    }

    /**
     * One compared value.
     *
     * @param section {@code run}, {@code param} or {@code metric}
     * @param name the field, parameter or metric
     * @param values the value in each run, in order; empty where a run has none
     * @param differs whether the values are not all equal
     */
    public record Line(String section, String name, List<String> values, boolean differs) {
        public Line {
            values = List.copyOf(values);
        }
    }

    /** A metric as shown: up to six significant digits. */
    static String number(double v) {
        return Math.rint(v) == v && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }

    /** A duration as seconds with one decimal. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
