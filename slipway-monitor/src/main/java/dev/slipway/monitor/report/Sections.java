package dev.slipway.monitor.report;

import dev.slipway.data.Problem;
import dev.slipway.monitor.alert.AlertEvent;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.ColumnKind;
import dev.slipway.monitor.outlier.FeatureRange;
import dev.slipway.monitor.outlier.OutlierRow;
import dev.slipway.monitor.outlier.OutlierSummary;
import dev.slipway.monitor.perf.MetricComparison;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.perf.WindowPerformance;
import dev.slipway.monitor.quality.ColumnQuality;
import dev.slipway.monitor.quality.QualityReport;
import dev.slipway.monitor.report.MonitoringReport.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The report's sections after the drift tables, as HTML. Stateless. */
final class Sections {

    /** The most outlier rows listed. */
    static final int OUTLIER_ROWS_SHOWN = 10;

    private Sections() {}

    static void distributions(Html h, MonitoringReport r) {
        open(h, "distributions", "Distributions: reference and current");
        h.el(
                "p",
                "The share of each column's values in the reference (outlined bars) and in the current data (filled bars); numbers in equal-width bins, categories most frequent first. Missing values are not counted.",
                "class",
                "note");
        notes(h, r, Part.DISTRIBUTIONS);
        h.open("div", "class", "dists").nl();
        for (ColumnDistribution d : r.distributions()) {
            Optional<ColumnDrift> drift =
                    r.drift().data().columns().stream()
                            .filter(c -> c.column().equals(d.column()))
                            .findFirst();
            h.open("figure");
            h.open("figcaption").el("h3", d.column());
            drift.ifPresent(
                    c -> {
                        h.open("span", "class", c.drifted() ? "bad" : "ok");
                        DriftSections.mark(h, c.drifted());
                        h.text(c.drifted() ? " drifted" : " no drift").close("span");
                        h.text(", " + DriftSections.score(c));
                    });
            h.close("figcaption").nl();
            Charts.histogram(h, d);
            h.nl().open("details").el("summary", "Values of " + d.column());
            h.open("div", "class", "scroll").open("table");
            h.open("thead").open("tr");
            h.el("th", d.kind() == ColumnKind.NUMERIC ? "Values" : "Value", "scope", "col");
            h.el("th", "Reference", "scope", "col").el("th", "Current", "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (ColumnDistribution.Bin b : d.bins()) {
                h.open("tr").el("th", b.label(), "scope", "row");
                h.num("%s (%s)".formatted(Fmt.pct(d.referenceShare(b)), Fmt.num(b.reference())));
                h.num("%s (%s)".formatted(Fmt.pct(d.currentShare(b)), Fmt.num(b.current())));
                h.close("tr");
            }
            h.close("tbody").close("table").close("div").close("details").close("figure").nl();
        }
        h.close("div");
        close(h);
    }

    static void performance(Html h, MonitoringReport r) {
        open(h, "performance", "Performance over time");
        notes(h, r, Part.PERFORMANCE);
        if (r.performance().isEmpty()) {
            close(h);
            return;
        }
        PerformanceReport p = r.performance().get();
        h.el(
                "p",
                "Realized %s performance of %s from %s labelled predictions (labels joined by %s)."
                        .formatted(
                                p.task().toString().toLowerCase(java.util.Locale.ROOT),
                                p.source(),
                                Fmt.num(p.labelled()),
                                p.keyColumn()));
        if (!p.comparison().isEmpty()) {
            h.open("div", "class", "scroll").open("table");
            h.el("caption", "Against training" + p.baseline().map(b -> " (" + b + ")").orElse(""));
            h.open("thead").open("tr");
            for (String c : List.of("Metric", "Training", "Realized", "Change", "Verdict")) {
                h.el("th", c, "scope", "col");
            }
            h.close("tr").close("thead").open("tbody");
            for (MetricComparison c : p.comparison()) {
                h.open("tr").el("th", c.metric(), "scope", "row");
                h.num(Fmt.num(c.training())).num(Fmt.num(c.realized())).num(Fmt.signed(c.change()));
                h.el(
                        "td",
                        c.worse() ? "▼ worse" : "▲ as good or better",
                        "class",
                        c.worse() ? "bad" : "ok");
                h.close("tr");
            }
            h.close("tbody").close("table").close("div").nl();
        }
        List<WindowPerformance> windows = p.windows();
        int from = Math.max(0, windows.size() - ReportHtml.MAX_WINDOWS_SHOWN);
        windows = windows.subList(from, windows.size());
        List<String> metrics = new ArrayList<>(p.metrics().keySet());
        if (!metrics.isEmpty() && !windows.isEmpty()) {
            String metric =
                    p.comparison().isEmpty()
                            ? metrics.getFirst()
                            : p.comparison().getFirst().metric();
            List<OptionalDouble> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (WindowPerformance w : windows) {
                Double v = w.metrics().get(metric);
                values.add(v == null ? OptionalDouble.empty() : OptionalDouble.of(v));
                labels.add(Fmt.time(w.window().start()));
            }
            OptionalDouble training =
                    p.comparison(metric)
                            .map(c -> OptionalDouble.of(c.training()))
                            .orElse(OptionalDouble.empty());
            h.open("figure")
                    .el("figcaption", "%s per window of %s".formatted(metric, p.window().text()));
            Charts.series(h, metric, values, labels, training);
            h.close("figure").nl();
        }
        h.open("div", "class", "scroll").open("table");
        h.el(
                "caption",
                from > 0
                        ? "Per window (the last %d of %d)"
                                .formatted(windows.size(), p.windows().size())
                        : "Per window");
        h.open("thead").open("tr").el("th", "Window", "scope", "col");
        h.el("th", "Rows", "scope", "col").el("th", "Labelled", "scope", "col");
        metrics.forEach(m -> h.el("th", m, "scope", "col"));
        h.close("tr").close("thead").open("tbody").nl();
        for (WindowPerformance w : windows) {
            h.open("tr").el("th", WindowLabels.longLabel(w.window()), "scope", "row");
            h.num(Fmt.num(w.window().rows())).num(Fmt.num(w.labelled()));
            for (String m : metrics) {
                Double v = w.metrics().get(m);
                h.num(v == null ? "–" : Fmt.num(v));
            }
            h.close("tr").nl();
        }
        h.close("tbody").close("table").close("div");
        close(h);
    }

    static void outliers(Html h, MonitoringReport r) {
        open(h, "outliers", "Outliers");
        notes(h, r, Part.OUTLIERS);
        if (r.outliers().isEmpty()) {
            close(h);
            return;
        }
        OutlierSummary o = r.outliers().get();
        h.el(
                "p",
                "%s of %s rows (%s) have at least one feature outside the reference; mean score %s. Scored by %s."
                        .formatted(
                                Fmt.num(o.outlierRows()),
                                Fmt.num(o.rows()),
                                Fmt.pct(o.outlierShare()),
                                Fmt.num(o.meanScore()),
                                o.method()));
        h.open("div", "class", "scroll")
                .open("table")
                .el("caption", "Rows outside the reference, per feature");
        h.open("thead").open("tr");
        for (String c : List.of("Feature", "Rows outside", "Reference range")) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody").nl();
        for (FeatureRange f : o.ranges()) {
            h.open("tr").el("th", f.feature(), "scope", "row");
            h.num(Fmt.num(o.outsideByFeature().getOrDefault(f.feature(), 0L)));
            h.el(
                    "td",
                    f.numeric()
                            ? "%s to %s".formatted(opt(f.low()), opt(f.high()))
                            : f.categories() + (f.categories() == 1 ? " category" : " categories"));
            h.close("tr").nl();
        }
        h.close("tbody").close("table").close("div");
        List<OutlierRow> top = o.top().subList(0, Math.min(OUTLIER_ROWS_SHOWN, o.top().size()));
        if (!top.isEmpty()) {
            h.open("div", "class", "scroll").open("table").el("caption", "Highest-scoring rows");
            h.open("thead").open("tr");
            for (String c : List.of("Row", "Score", "Outside the reference")) {
                h.el("th", c, "scope", "col");
            }
            h.close("tr").close("thead").open("tbody").nl();
            for (OutlierRow row : top) {
                h.open("tr").el("th", join(row.key()), "scope", "row");
                h.num(Fmt.num(row.score()));
                h.el("td", join(row.values()));
                h.close("tr").nl();
            }
            h.close("tbody").close("table").close("div");
        }
        close(h);
    }

    static void quality(Html h, MonitoringReport r) {
        open(h, "quality", "Data quality");
        notes(h, r, Part.QUALITY);
        if (r.quality().isEmpty()) {
            close(h);
            return;
        }
        QualityReport q = r.quality().get();
        h.el("p", "%s rows checked against %s.".formatted(Fmt.num(q.rows()), q.against()));
        h.open("div", "class", "scroll").open("table").el("caption", "Per column");
        h.open("thead").open("tr");
        for (String c :
                List.of(
                        "Column",
                        "Missing",
                        "Missing share",
                        "Out of range",
                        "Unseen categories",
                        "Wrong type")) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody").nl();
        for (ColumnQuality c : q.columns()) {
            h.open("tr").el("th", c.column(), "scope", "row");
            h.num(Fmt.num(c.nulls())).num(Fmt.pct(c.nullRate()));
            h.num(Fmt.num(c.outOfRange())).num(Fmt.num(c.unseenCategories()));
            h.num(Fmt.num(c.typeViolations()));
            h.close("tr").nl();
        }
        h.close("tbody").close("table").close("div");
        if (q.problems().isEmpty()) {
            h.el("p", ReportHtml.STABLE + " The validator found no problem.", "class", "ok");
        } else {
            h.el("h3", "Problems");
            h.open("ul");
            for (Problem p : q.problems()) {
                h.open("li")
                        .el(
                                "strong",
                                p.severity().toString().toLowerCase(java.util.Locale.ROOT) + ": ")
                        .text(p.message())
                        .close("li");
            }
            h.close("ul");
        }
        close(h);
    }

    static void alerts(Html h, MonitoringReport r) {
        open(h, "alerts", "Alerts");
        notes(h, r, Part.ALERTS);
        if (r.alerts().isEmpty()) {
            h.el("p", "No alert notification for this model in this range.");
            close(h);
            return;
        }
        h.open("div", "class", "scroll").open("table");
        h.el("caption", "Notifications, newest first (at most %d)".formatted(Reports.ALERT_LIMIT));
        h.open("thead").open("tr");
        for (String c :
                List.of(
                        "Time (UTC)",
                        "Rule",
                        "State",
                        "Severity",
                        "Window",
                        "Observed",
                        "Bound",
                        "Message",
                        "Delivery")) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody").nl();
        for (AlertRecord a : r.alerts()) {
            AlertEvent e = a.event();
            boolean firing = e.state() == AlertEvent.State.FIRING;
            h.open("tr").el("th", Fmt.time(e.time()), "scope", "row");
            h.el("td", e.rule());
            h.el(
                    "td",
                    (firing ? "⚠ " : ReportHtml.STABLE + " ") + e.state().label(),
                    "class",
                    firing ? "bad" : "ok");
            h.el("td", e.severity().label());
            h.el(
                    "td",
                    "%s to %s".formatted(Fmt.time(e.window().start()), Fmt.time(e.window().end())));
            h.num(Fmt.num(e.observed()));
            h.num(e.bound().isPresent() ? Fmt.num(e.bound().getAsDouble()) : "–");
            h.el("td", e.message());
            h.el("td", a.delivery().status().label() + ": " + a.delivery().detail());
            h.close("tr").nl();
        }
        h.close("tbody").close("table").close("div");
        close(h);
    }

    static void notes(Html h, MonitoringReport r) {
        if (r.notes().isEmpty()) {
            return;
        }
        open(h, "notes", "Notes");
        h.open("ul");
        for (MonitoringReport.Note n : r.notes()) {
            h.open("li").el("strong", n.part().label() + ": ").text(n.message()).close("li");
        }
        h.close("ul");
        close(h);
    }

    private static void notes(Html h, MonitoringReport r, Part part) {
        for (String n : r.notes(part)) {
            h.el("p", n, "class", "note");
        }
    }

    private static void open(Html h, String id, String title) {
        h.open("section", "id", id, "aria-labelledby", id + "-h");
        h.el("h2", title, "id", id + "-h").nl();
    }

    private static void close(Html h) {
        h.close("section").nl();
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? Fmt.num(v.getAsDouble()) : "n/a";
    }

    private static String join(Map<String, String> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }
}
