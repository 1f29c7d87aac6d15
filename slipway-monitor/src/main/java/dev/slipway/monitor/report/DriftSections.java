package dev.slipway.monitor.report;

import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.drift.DriftMethod;
import java.util.List;

/** The report's drift sections as HTML: per column, and per window and column. Stateless. */
final class DriftSections {

    private DriftSections() {}

    static void tables(Html h, DriftReport d) {
        h.open("section", "id", "drift", "aria-labelledby", "drift-h");
        h.el("h2", "Drift by column", "id", "drift-h").nl();
        h.el(
                "p",
                "Each column of the current data against the reference. A p-value test drifts when its p-value is below the threshold; a distance when it is at or above it.",
                "class",
                "note");
        driftTable(h, d.data(), "Input columns");
        if (d.prediction().isPresent()) {
            driftTable(h, d.prediction().get(), "Output columns (predictions)");
            d.referencePredictions()
                    .ifPresent(
                            p ->
                                    h.el(
                                            "p",
                                            "Predictions of the reference: "
                                                    + p.describe()
                                                    + ", scored once and kept.",
                                            "class",
                                            "note"));
        }
        h.close("section").nl();
    }

    private static void driftTable(Html h, DatasetDrift d, String caption) {
        h.open("div", "class", "scroll").open("table");
        h.el("caption", caption);
        h.open("thead").open("tr");
        for (String c :
                List.of(
                        "Column",
                        "Verdict",
                        "Method",
                        "Score",
                        "Threshold",
                        "Effect size",
                        "Reference values",
                        "Current values")) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody").nl();
        for (ColumnDrift c : d.columns()) {
            h.open("tr");
            h.el("th", c.column(), "scope", "row");
            h.open("td", "class", c.drifted() ? "bad" : "ok");
            mark(h, c.drifted());
            h.text(c.drifted() ? " drifted" : " no drift").close("td");
            h.el("td", "%s (%s)".formatted(c.method().label(), c.kind().label()));
            h.num((c.method().isPValue() ? "p = " : "") + Fmt.num(c.score()));
            h.num(Fmt.num(c.threshold()));
            h.num("%s %s".formatted(c.method().effectSizeName(), Fmt.num(c.effectSize())));
            h.num(Fmt.num(c.nRef()));
            h.num(Fmt.num(c.nCur()));
            h.close("tr").nl();
        }
        h.close("tbody").close("table").close("div").nl();
    }

    static void overTime(Html h, MonitoringReport r) {
        h.open("section", "id", "drift-over-time", "aria-labelledby", "time-h");
        h.el("h2", "Drift over time", "id", "time-h").nl();
        var windows = r.drift().windows();
        if (windows.isEmpty()) {
            h.el("p", "No window: the range holds no rows.", "class", "note");
            h.close("section").nl();
            return;
        }
        int from = Math.max(0, windows.size() - ReportHtml.MAX_WINDOWS_SHOWN);
        var shown = windows.subList(from, windows.size());
        h.el(
                "p",
                "Each column's verdict per window of %s (%s drifted, · no drift, – not compared: too few rows).%s"
                        .formatted(
                                r.window().text(),
                                ReportHtml.DRIFTED,
                                from > 0
                                        ? " The last %d of %d windows; the JSON report has all."
                                                .formatted(shown.size(), windows.size())
                                        : ""),
                "class",
                "note");
        boolean midnight = WindowLabels.allAtMidnight(shown);
        h.open("div", "class", "scroll").open("table", "class", "grid");
        h.el("caption", "Drift per window");
        h.open("thead").open("tr").el("th", "Column", "scope", "col");
        for (var w : shown) {
            h.open("th", "scope", "col")
                    .el(
                            "abbr",
                            WindowLabels.shortLabel(w.window(), midnight),
                            "title",
                            WindowLabels.longLabel(w.window()))
                    .close("th");
        }
        h.close("tr").close("thead").open("tbody").nl();
        h.open("tr").el("th", "rows", "scope", "row");
        for (var w : shown) {
            h.num(Fmt.num(w.window().rows()));
        }
        h.close("tr").nl();
        h.open("tr").el("th", "dataset", "scope", "row");
        for (var w : shown) {
            if (w.data().isEmpty()) {
                none(h, w.note().orElse("no rows"));
            } else {
                cell(h, w.data().get().drifted(), "share " + Fmt.pct(w.data().get().share()));
            }
        }
        h.close("tr").nl();
        for (ColumnDrift c : r.drift().data().columns()) {
            h.open("tr").el("th", c.column(), "scope", "row");
            for (var w : shown) {
                var hit =
                        w.data()
                                .flatMap(
                                        d ->
                                                d.columns().stream()
                                                        .filter(x -> x.column().equals(c.column()))
                                                        .findFirst());
                if (hit.isEmpty()) {
                    none(h, w.note().orElse("no rows"));
                } else {
                    cell(h, hit.get().drifted(), score(hit.get()));
                }
            }
            h.close("tr").nl();
        }
        h.close("tbody").close("table").close("div").close("section").nl();
    }

    private static void cell(Html h, boolean drifted, String title) {
        h.open("td", "class", drifted ? "bad" : "ok", "title", title);
        h.el("span", drifted ? ReportHtml.DRIFTED : "·", "aria-hidden", "true");
        h.el("span", drifted ? "drifted" : "no drift", "class", "sr");
        h.close("td");
    }

    private static void none(Html h, String why) {
        h.open("td", "class", "muted", "title", why).el("span", "–", "aria-hidden", "true");
        h.el("span", "not compared", "class", "sr").close("td");
    }

    static void mark(Html h, boolean drifted) {
        h.el("span", drifted ? ReportHtml.DRIFTED : ReportHtml.STABLE, "aria-hidden", "true");
    }

    /** A column's score against its threshold, e.g. {@code wasserstein 0.31 ≥ 0.1}. */
    static String score(ColumnDrift c) {
        boolean ks = c.method() == DriftMethod.KS;
        String cmp =
                c.method().isPValue()
                        ? (c.drifted() ? (ks ? " ≤ " : " < ") : (ks ? " > " : " ≥ "))
                        : (c.drifted() ? " ≥ " : " < ");
        return "%s %s%s%s%s"
                .formatted(
                        c.method().label(),
                        c.method().isPValue() ? "p = " : "",
                        Fmt.num(c.score()),
                        cmp,
                        Fmt.num(c.threshold()));
    }
}
