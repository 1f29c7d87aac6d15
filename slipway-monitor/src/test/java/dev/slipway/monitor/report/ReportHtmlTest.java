package dev.slipway.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.monitor.report.MonitoringReport.Note;
import dev.slipway.monitor.report.MonitoringReport.Part;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML of made-up reports: escaping, the size and shape of the tables, words for verdicts. */
class ReportHtmlTest {

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>\"&'";
    private static final String HOSTILE_VALUE = "</td></tr><script>fetch('//evil')</script>";

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void render_hostileColumnNameAndValues_areEscapedEverywhere() {
        String html = ReportHtml.render(Synthetic.report(3, 4, HOSTILE_NAME, HOSTILE_VALUE));

        assertThat(html)
                .doesNotContain(HOSTILE_NAME)
                .doesNotContain(HOSTILE_VALUE)
                .doesNotContain("<img")
                .doesNotContain("<script");
        String name = "&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;";
        // The drift table, the summary, the chart's title and caption, the window grid, the
        // outlier tables and the alert: each escapes the name.
        assertThat(count(html, name)).isGreaterThanOrEqualTo(8);
        assertThat(html).contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;fetch(&#39;//evil&#39;)");
    }

    @Test
    void render_15ColumnsBy30Windows_isSmallAndMarksEveryWindow() {
        String html = ReportHtml.render(Synthetic.report(15, 30, "feature_0", "bin 0"));

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(300_000);
        String grid = html.substring(html.indexOf("<table class=\"grid\">"));
        grid = grid.substring(0, grid.indexOf("</table>"));
        assertThat(count(grid, "<abbr title=\"#")).isEqualTo(30);
        // 15 columns and the dataset row, a mark in each of 30 windows
        assertThat(
                        count(grid, "<span class=\"sr\">drifted</span>")
                                + count(grid, "<span class=\"sr\">no drift</span>"))
                .isEqualTo(16 * 30);
        assertThat(count(html, "<svg")).isEqualTo(15 + 1);
        assertThat(count(html, "<figure>")).isEqualTo(15 + 1);
    }

    @Test
    void render_manyWindows_showsTheLatest60AndSaysSo() {
        String html = ReportHtml.render(Synthetic.report(2, 100, "feature_0", "bin 0"));

        String grid = html.substring(html.indexOf("<table class=\"grid\">"));
        grid = grid.substring(0, grid.indexOf("</table>"));
        assertThat(count(grid, "<abbr title=\"#")).isEqualTo(60);
        assertThat(grid).contains("title=\"#41: 2024-06-10 00:00").contains("title=\"#100: ");
        assertThat(html)
                .contains("The last 60 of 100 windows; the JSON report has all.")
                .contains("Per window (the last 60 of 100)");
    }

    @Test
    void render_performance_comparesWithTrainingInWordsAndSymbols() {
        String html = ReportHtml.render(Synthetic.report(2, 3, "feature_0", "bin 0"));

        assertThat(html)
                .contains(
                        "auc 0.8 realized vs 0.9 at training (−0.1, <span class=\"bad\">▼ worse</span>)")
                .contains(
                        "accuracy 0.81 realized vs 0.8 at training (+0.01, <span class=\"ok\">▲ as good or better</span>)")
                .contains("<caption>Against training (churn/1)</caption>")
                .contains("aria-label=\"auc per window, dashed line: 0.9 at training\"");
        String perWindow = html.substring(html.indexOf("<caption>Per window</caption>"));
        assertThat(
                        count(
                                perWindow.substring(0, perWindow.indexOf("</table>")),
                                "<tr><th scope=\"row\">#"))
                .isEqualTo(3);
    }

    @Test
    void render_driftedDataset_saysSoInWordsAndSymbols() {
        // Columns 0 and 3 of 4 drift overall: half, the default share.
        String html = ReportHtml.render(Synthetic.report(4, 2, "feature_0", "bin 0"));

        assertThat(html)
                .contains(
                        "<p class=\"verdict bad\"><span aria-hidden=\"true\">✗</span> Dataset drift detected: 2 of 4 input columns drifted (50.0%; the dataset drifts from 50.0%).</p>")
                .contains("<strong>feature_0</strong> — ✗ drifted, wasserstein 0.35 ≥ 0.1")
                .contains("<strong>feature_3</strong> — ✗ drifted")
                .doesNotContain("<strong>feature_1</strong>");
    }

    @Test
    void render_missingParts_showTheirNotesWhereTheyBelong() {
        MonitoringReport full = Synthetic.report(2, 2, "feature_0", "bin 0");
        String why = "model churn has no labels yet; add them with slipway monitor labels";
        MonitoringReport r =
                new MonitoringReport(
                        full.model(),
                        full.generatedAt(),
                        full.range(),
                        full.window(),
                        full.drift(),
                        full.distributions(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        List.of(new Note(Part.PERFORMANCE, why)));

        String html = ReportHtml.render(r);

        String perf = html.substring(html.indexOf("<section id=\"performance\""));
        perf = perf.substring(0, perf.indexOf("</section>"));
        assertThat(perf).contains("<p class=\"note\">" + why + "</p>").doesNotContain("<svg");
        assertThat(html)
                .contains("<strong>Realized performance: </strong>" + why)
                .contains("<strong>Outliers: </strong>not computed (see notes).")
                .contains("No alert notification for this model in this range.")
                .contains("<li><strong>performance: </strong>" + why + "</li>")
                .doesNotContain("Latency:");
    }

    @Test
    void render_everyTableHasHeaderCellsAndEveryChartAText() {
        String html = ReportHtml.render(Synthetic.report(3, 3, "feature_0", "bin 0"));

        assertThat(count(html, "<table")).isEqualTo(count(html, "<thead>"));
        assertThat(count(html, "<svg")).isEqualTo(count(html, "role=\"img\" aria-label=\""));
        assertThat(html).contains("<html lang=\"en\">").contains("name=\"viewport\"");
        for (String id :
                List.of(
                        "summary",
                        "drift",
                        "distributions",
                        "drift-over-time",
                        "performance",
                        "outliers",
                        "quality",
                        "alerts",
                        "notes")) {
            assertThat(html)
                    .contains("<a href=\"#" + id + "\">")
                    .contains("<section id=\"" + id + "\"");
        }
    }
}
