package dev.slipway.monitor.report;

import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.alert.AlertEvent;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.perf.MetricComparison;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.report.MonitoringReport.Part;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A monitoring report as one self-contained HTML file: inline CSS and SVG charts, no script, and
 * nothing to load from the network, so that it opens anywhere, offline, and can be mailed or
 * attached to a ticket. It has a summary (the dataset drift verdict, the drifted columns, realized
 * performance against training, outliers, alerts), the drift of each column, each column's
 * distributions in the reference and the current data, drift per window, performance per window,
 * outliers, data quality and the alerts. Verdicts are given in words and symbols, not by colour
 * alone; every name and value is escaped; tables have header cells; the layout fits a phone.
 * Stateless.
 */
public final class ReportHtml {

    /** The most windows the drift and performance tables show, the latest ones. */
    public static final int MAX_WINDOWS_SHOWN = 60;

    static final String DRIFTED = "✗";
    static final String STABLE = "✓";

    private static final String CSS =
            """
            :root{--fg:#1f2328;--muted:#59636e;--bad:#b42318;--ok:#1a7f37;--ref:#6e7781;--cur:#0969da;--line:#d0d7de}
            *{box-sizing:border-box}
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:#fff;margin:0 auto;max-width:66rem;padding:1rem}
            h1{font-size:1.5rem;margin:.5rem 0;overflow-wrap:anywhere}
            h2{font-size:1.25rem;border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
            h3{font-size:1rem;margin:0 0 .25rem;overflow-wrap:anywhere}
            nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.5rem 0;list-style:none}
            a{color:var(--cur)}
            a:focus,summary:focus{outline:2px solid var(--cur);outline-offset:2px}
            .scroll{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;font-size:.875rem;margin:.5rem 0}
            th,td{border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .grid td{text-align:center;padding:.1rem .3rem}
            .grid th[scope=row]{position:sticky;left:0;white-space:nowrap}
            .bad{color:var(--bad);font-weight:600}
            .ok{color:var(--ok)}
            .muted,.note{color:var(--muted)}
            .verdict{font-size:1.1rem}
            .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            .dists{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr));gap:1rem}
            figure{margin:0;border:1px solid var(--line);border-radius:4px;padding:.5rem;min-width:0}
            svg{width:100%;height:auto;display:block;font-size:11px;fill:var(--fg)}
            svg .axis{stroke:var(--muted);stroke-width:1}
            svg .ref{fill:#fff;stroke:var(--ref);stroke-width:1.5}
            svg .cur{fill:var(--cur);stroke:var(--cur)}
            svg .line{fill:none;stroke:var(--cur);stroke-width:2}
            svg .base{stroke:var(--ref);stroke-width:1.5;stroke-dasharray:6 4}
            details{margin:.25rem 0}
            @media (max-width:40rem){body{font-size:14px;padding:.5rem}}
            @media print{nav{display:none}.scroll{overflow:visible}}
            """;

    private ReportHtml() {}

    /** The HTML file of {@code r}, UTF-8 text. */
    public static String render(MonitoringReport r) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>").nl();
        h.open("html", "lang", "en").nl();
        h.open("head").nl();
        h.raw("<meta charset=\"utf-8\">").nl();
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").nl();
        h.el("title", "Monitoring report: " + r.model()).nl();
        h.open("style").raw(CSS).close("style").nl();
        h.close("head").nl();
        h.open("body").nl();
        header(h, r);
        h.open("main").nl();
        summary(h, r);
        DriftSections.tables(h, r.drift());
        Sections.distributions(h, r);
        DriftSections.overTime(h, r);
        Sections.performance(h, r);
        Sections.outliers(h, r);
        Sections.quality(h, r);
        Sections.alerts(h, r);
        Sections.notes(h, r);
        h.close("main").nl();
        h.open("footer", "class", "muted")
                .el(
                        "p",
                        "%s, version %d. Generated %s UTC. Self-contained: opens without a network."
                                .formatted(
                                        capitalized(ReportJson.FORMAT),
                                        ReportJson.VERSION,
                                        Fmt.time(r.generatedAt())))
                .close("footer")
                .nl();
        h.close("body").nl().close("html").nl();
        return h.toString();
    }

    private static void header(Html h, MonitoringReport r) {
        DriftReport d = r.drift();
        h.open("header");
        h.el("h1", "Monitoring report: " + r.model()).nl();
        h.open("p")
                .text(
                        "Current data: %s, %s rows, in windows of %s."
                                .formatted(
                                        d.current(), Fmt.num(d.currentRows()), r.window().text()))
                .raw("<br>")
                .text(
                        "Reference: %s, %s rows."
                                .formatted(d.reference(), Fmt.num(d.referenceRows())))
                .raw("<br>")
                .text("Generated %s UTC.".formatted(Fmt.time(r.generatedAt())))
                .close("p")
                .nl();
        h.open("nav", "aria-label", "Sections").open("ul");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("summary", "Summary");
        links.put("drift", "Drift by column");
        links.put("distributions", "Distributions");
        links.put("drift-over-time", "Drift over time");
        links.put("performance", "Performance");
        links.put("outliers", "Outliers");
        links.put("quality", "Data quality");
        links.put("alerts", "Alerts");
        if (!r.notes().isEmpty()) {
            links.put("notes", "Notes");
        }
        links.forEach((id, label) -> h.open("li").el("a", label, "href", "#" + id).close("li"));
        h.close("ul").close("nav").close("header").nl();
    }

    private static void summary(Html h, MonitoringReport r) {
        DriftReport d = r.drift();
        DatasetDrift data = d.data();
        h.open("section", "id", "summary", "aria-labelledby", "summary-h");
        h.el("h2", "Summary", "id", "summary-h").nl();
        h.open("p", "class", "verdict " + (data.drifted() ? "bad" : "ok"));
        DriftSections.mark(h, data.drifted());
        h.text(
                        " %s: %d of %d input columns drifted (%s; the dataset drifts from %s)."
                                .formatted(
                                        data.drifted()
                                                ? "Dataset drift detected"
                                                : "No dataset drift",
                                        data.driftedColumns(),
                                        data.columns().size(),
                                        Fmt.pct(data.share()),
                                        Fmt.pct(data.threshold())))
                .close("p")
                .nl();
        List<ColumnDrift> drifted = data.columns().stream().filter(ColumnDrift::drifted).toList();
        if (drifted.isEmpty()) {
            h.el("p", "No input column drifted.");
        } else {
            h.el("p", "Drifted columns:");
            h.open("ul");
            for (ColumnDrift c : drifted) {
                h.open("li")
                        .el("strong", c.column())
                        .text(" — " + DRIFTED + " drifted, " + DriftSections.score(c))
                        .close("li");
            }
            h.close("ul").nl();
        }
        h.open("ul");
        d.prediction()
                .ifPresent(
                        p -> {
                            h.open("li");
                            h.el("strong", "Predictions: ");
                            h.open("span", "class", p.drifted() ? "bad" : "ok");
                            DriftSections.mark(h, p.drifted());
                            h.text(p.drifted() ? " drifted" : " no drift").close("span");
                            h.text(
                                    " (%d of %d output columns)"
                                            .formatted(p.driftedColumns(), p.columns().size()));
                            h.close("li");
                        });
        h.open("li").el("strong", "Realized performance: ");
        performanceSummary(h, r);
        h.close("li");
        h.open("li").el("strong", "Outliers: ");
        if (r.outliers().isPresent()) {
            var o = r.outliers().get();
            h.text(
                    "%s of rows (%s of %s) have a feature outside the reference."
                            .formatted(
                                    Fmt.pct(o.outlierShare()),
                                    Fmt.num(o.outlierRows()),
                                    Fmt.num(o.rows())));
        } else {
            h.text("not computed (see notes).");
        }
        h.close("li");
        h.open("li").el("strong", "Alerts: ");
        alertSummary(h, r);
        h.close("li");
        r.latency()
                .ifPresent(
                        l ->
                                h.open("li")
                                        .el("strong", "Latency: ")
                                        .text(
                                                "p50 %s ms, p99 %s ms."
                                                        .formatted(
                                                                Fmt.num(l.p50Millis()),
                                                                Fmt.num(l.p99Millis())))
                                        .close("li"));
        h.close("ul").close("section").nl();
    }

    private static void performanceSummary(Html h, MonitoringReport r) {
        if (r.performance().isEmpty()) {
            h.text(String.join(" ", r.notes(Part.PERFORMANCE)));
            return;
        }
        PerformanceReport p = r.performance().get();
        if (p.labelled() == 0) {
            h.text("no labelled prediction in this range.");
            return;
        }
        h.text("%s labelled rows. ".formatted(Fmt.num(p.labelled())));
        if (p.comparison().isEmpty()) {
            h.text(
                    String.join(
                            ", ",
                            p.metrics().entrySet().stream()
                                    .map(e -> e.getKey() + " " + Fmt.num(e.getValue()))
                                    .toList()));
            h.text(" (no training metrics to compare with).");
            return;
        }
        for (int i = 0; i < p.comparison().size(); i++) {
            MetricComparison c = p.comparison().get(i);
            if (i > 0) {
                h.text("; ");
            }
            h.text(
                    "%s %s realized vs %s at training (%s, "
                            .formatted(
                                    c.metric(),
                                    Fmt.num(c.realized()),
                                    Fmt.num(c.training()),
                                    Fmt.signed(c.change())));
            h.el(
                    "span",
                    c.worse() ? "▼ worse" : "▲ as good or better",
                    "class",
                    c.worse() ? "bad" : "ok");
            h.text(")");
        }
        h.text(".");
    }

    private static void alertSummary(Html h, MonitoringReport r) {
        if (r.alerts().isEmpty()) {
            h.text(
                    r.notes(Part.ALERTS).isEmpty()
                            ? "no notification for this model in this range."
                            : String.join(" ", r.notes(Part.ALERTS)));
            return;
        }
        Map<String, AlertEvent> latest = new LinkedHashMap<>();
        for (AlertRecord a : r.alerts()) {
            latest.putIfAbsent(a.event().rule(), a.event());
        }
        List<AlertEvent> firing =
                latest.values().stream().filter(e -> e.state() == AlertEvent.State.FIRING).toList();
        h.text("%s. ".formatted(Fmt.count(r.alerts().size(), "notification")));
        if (firing.isEmpty()) {
            h.el("span", STABLE + " no rule firing at the last notification.", "class", "ok");
        } else {
            h.open("span", "class", "bad")
                    .text(
                            "⚠ firing: "
                                    + String.join(
                                            ", ",
                                            firing.stream()
                                                    .map(
                                                            e ->
                                                                    "%s (%s)"
                                                                            .formatted(
                                                                                    e.rule(),
                                                                                    e.severity()
                                                                                            .label()))
                                                    .toList())
                                    + ".")
                    .close("span");
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
