package dev.slipway.monitor.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Inline SVG charts drawn from numbers, with no script, font or image to load. Every chart has a
 * text equivalent beside it (a table), and its marks have titles. Stateless.
 */
final class Charts {

    private static final int WIDTH = 420;
    private static final int LEFT = 44;
    private static final int RIGHT = 412;
    private static final int TOP = 12;

    private Charts() {}

    /**
     * Grouped bars of each bin's share of the reference (outlined) and of the current data
     * (filled).
     */
    static void histogram(Html h, ColumnDistribution d) {
        List<ColumnDistribution.Bin> bins = d.bins();
        int bottom = 132;
        int height = 170;
        h.open(
                "svg",
                "viewBox",
                "0 0 %d %d".formatted(WIDTH, height),
                "role",
                "img",
                "aria-label",
                "Shares of the values of %s: reference outlined, current filled"
                        .formatted(d.column()));
        double max = 0;
        for (ColumnDistribution.Bin b : bins) {
            max = Math.max(max, Math.max(d.referenceShare(b), d.currentShare(b)));
        }
        max = max == 0 ? 1 : max;
        axis(h, bottom, Fmt.pct(max), "0%");
        double gw = (RIGHT - LEFT) / (double) Math.max(1, bins.size());
        int step = labelStep(d, bins.size());
        int chars = Math.max(3, (int) (gw / 6.5));
        for (int i = 0; i < bins.size(); i++) {
            ColumnDistribution.Bin b = bins.get(i);
            double x = LEFT + i * gw;
            double rs = d.referenceShare(b);
            double cs = d.currentShare(b);
            h.open("g");
            h.el(
                    "title",
                    "%s: reference %s (%s), current %s (%s)"
                            .formatted(
                                    b.label(),
                                    Fmt.pct(rs),
                                    Fmt.num(b.reference()),
                                    Fmt.pct(cs),
                                    Fmt.num(b.current())));
            bar(h, x + gw * 0.1, gw * 0.4, rs / max, bottom, "ref");
            bar(h, x + gw * 0.5, gw * 0.4, cs / max, bottom, "cur");
            h.close("g");
            if (i % step == 0) {
                h.el(
                        "text",
                        shorten(b.label(), chars * step - (step == 1 ? 0 : 1)),
                        "x",
                        f(step == 1 ? x + gw / 2 : x + 1),
                        "y",
                        Integer.toString(bottom + 14),
                        "text-anchor",
                        step == 1 ? "middle" : "start");
            }
        }
        legend(h, height - 8);
        h.close("svg");
    }

    /**
     * A metric over windows as a line with a mark per window (gaps where it is unknown), and the
     * value at training as a dashed line.
     *
     * @param labels each window's label, for the marks' titles; the first and last are drawn
     */
    static void series(
            Html h,
            String metric,
            List<OptionalDouble> values,
            List<String> labels,
            OptionalDouble training) {
        int bottom = 150;
        int height = 190;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (OptionalDouble v : values) {
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                lo = Math.min(lo, v.getAsDouble());
                hi = Math.max(hi, v.getAsDouble());
            }
        }
        if (training.isPresent() && Double.isFinite(training.getAsDouble())) {
            lo = Math.min(lo, training.getAsDouble());
            hi = Math.max(hi, training.getAsDouble());
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double pad = hi - lo < 1e-9 ? 0.05 : (hi - lo) * 0.08;
        double ymin = lo - pad;
        double ymax = hi + pad;
        h.open(
                "svg",
                "viewBox",
                "0 0 %d %d".formatted(WIDTH, height),
                "role",
                "img",
                "aria-label",
                "%s per window%s"
                        .formatted(
                                metric,
                                training.isPresent()
                                        ? ", dashed line: "
                                                + Fmt.num(training.getAsDouble())
                                                + " at training"
                                        : ""));
        axis(h, bottom, Fmt.num(ymax), Fmt.num(ymin));
        double step = (RIGHT - LEFT) / (double) Math.max(1, values.size());
        if (training.isPresent() && Double.isFinite(training.getAsDouble())) {
            String y = f(scale(training.getAsDouble(), ymin, ymax, bottom));
            h.open("line", "x1", f(LEFT), "y1", y, "x2", f(RIGHT), "y2", y, "class", "base")
                    .el(
                            "title",
                            "%s at training: %s".formatted(metric, Fmt.num(training.getAsDouble())))
                    .close("line");
        }
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < values.size(); i++) {
            OptionalDouble v = values.get(i);
            if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) {
                drawing = false;
                continue;
            }
            path.append(drawing ? " L" : " M")
                    .append(f(LEFT + (i + 0.5) * step))
                    .append(' ')
                    .append(f(scale(v.getAsDouble(), ymin, ymax, bottom)));
            drawing = true;
        }
        if (!path.isEmpty()) {
            h.open("path", "d", path.toString().strip(), "class", "line").close("path");
        }
        for (int i = 0; i < values.size(); i++) {
            OptionalDouble v = values.get(i);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                h.open(
                                "circle",
                                "cx",
                                f(LEFT + (i + 0.5) * step),
                                "cy",
                                f(scale(v.getAsDouble(), ymin, ymax, bottom)),
                                "r",
                                "3.5",
                                "class",
                                "cur")
                        .el(
                                "title",
                                "%s: %s %s"
                                        .formatted(labels.get(i), metric, Fmt.num(v.getAsDouble())))
                        .close("circle");
            }
        }
        if (!labels.isEmpty()) {
            h.el("text", labels.getFirst(), "x", f(LEFT), "y", Integer.toString(bottom + 16));
            if (labels.size() > 1) {
                h.el(
                        "text",
                        labels.getLast(),
                        "x",
                        f(RIGHT),
                        "y",
                        Integer.toString(bottom + 16),
                        "text-anchor",
                        "end");
            }
        }
        h.close("svg");
    }

    private static void axis(Html h, int bottom, String top, String zero) {
        h.open("line", "x1", f(LEFT), "y1", f(TOP), "x2", f(LEFT), "y2", f(bottom), "class", "axis")
                .close("line");
        h.open(
                        "line", "x1", f(LEFT), "y1", f(bottom), "x2", f(RIGHT), "y2", f(bottom),
                        "class", "axis")
                .close("line");
        h.el("text", top, "x", f(LEFT - 4), "y", f(TOP + 4), "text-anchor", "end");
        h.el("text", zero, "x", f(LEFT - 4), "y", f(bottom), "text-anchor", "end");
    }

    private static void bar(Html h, double x, double w, double frac, int bottom, String cls) {
        double hgt = frac * (bottom - TOP);
        h.open(
                        "rect",
                        "x",
                        f(x),
                        "y",
                        f(bottom - hgt),
                        "width",
                        f(w),
                        "height",
                        f(hgt),
                        "class",
                        cls)
                .close("rect");
    }

    private static void legend(Html h, int y) {
        h.open("rect", "x", f(LEFT), "y", f(y - 9), "width", "10", "height", "10", "class", "ref")
                .close("rect");
        h.el("text", "reference (outlined)", "x", f(LEFT + 14), "y", f(y), "text-anchor", "start");
        h.open(
                        "rect",
                        "x",
                        f(LEFT + 150),
                        "y",
                        f(y - 9),
                        "width",
                        "10",
                        "height",
                        "10",
                        "class",
                        "cur")
                .close("rect");
        h.el("text", "current (filled)", "x", f(LEFT + 164), "y", f(y), "text-anchor", "start");
    }

    /** Every how many bins a label is drawn: all of few bins; for numbers, about five. */
    private static int labelStep(ColumnDistribution d, int bins) {
        if (bins <= 8) {
            return 1;
        }
        return switch (d.kind()) {
            case NUMERIC -> (int) Math.ceil(bins / 5.0);
            case CATEGORICAL -> 1;
        };
    }

    private static double scale(double v, double min, double max, int bottom) {
        return bottom - (v - min) / (max - min) * (bottom - TOP);
    }

    private static String shorten(String s, int chars) {
        return s.codePointCount(0, s.length()) <= chars
                ? s
                : s.substring(0, s.offsetByCodePoints(0, Math.max(1, chars - 1))) + "…";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
