package dev.slipway.monitor.report;

import static dev.slipway.monitor.report.ReportHome.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.DriftRequest;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.outlier.OutlierOptions;
import dev.slipway.monitor.perf.LabelOptions;
import dev.slipway.monitor.report.MonitoringReport.Part;
import dev.slipway.monitor.window.WindowSpec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports of a real home ({@link ReportHome}): a trained Adult model, its prediction log over three
 * days with {@code age} shifted on the third, labels and one alert. The report's numbers are the
 * monitor's own.
 */
class ReportFromLogTest {

    private static final CurrentData ALL = new CurrentData.Log(MODEL, Range.all());

    private ReportHome.Opened h;

    @BeforeEach
    void open() {
        h = ReportHome.shared().open();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private MonitoringReport build(ReportRequest request) {
        return Reports.build(h.monitor(), h.counts(), h.alerts(), request, h.clock());
    }

    private MonitoringReport whole() {
        return build(ReportRequest.of(MODEL));
    }

    private DriftReport monitorDrift(Range range) {
        return h.monitor()
                .drift(
                        new DriftRequest(
                                Optional.of(MODEL),
                                new ReferenceData.Training(),
                                new CurrentData.Log(MODEL, range),
                                List.of(),
                                DriftOptions.defaults(),
                                Optional.of(WindowSpec.parse("1d"))));
    }

    @Test
    void json_wholeLog_isVersionedWithTheRequest() {
        MonitoringReport r = whole();

        ObjectNode n = ReportJson.of(r);

        assertThat(n.get("format").asText()).isEqualTo("slipway monitoring report");
        assertThat(n.get("version").asInt()).isEqualTo(1);
        assertThat(n.get("model").asText()).isEqualTo(MODEL);
        assertThat(n.get("generated_at").asText()).isEqualTo(ReportHome.NOW.toString());
        assertThat(n.get("window").asText()).isEqualTo("1d");
        assertThat(n.get("range").get("from").isNull()).isTrue();
        assertThat(n.get("range").get("to").isNull()).isTrue();
    }

    @Test
    void json_wholeLog_driftIsTheMonitorsOwn() {
        ObjectNode n = ReportJson.of(whole());

        assertThat(n.get("drift")).isEqualTo(MonitorJson.drift(monitorDrift(Range.all())));
        JsonNode age = column(n.get("drift").get("data"), "age");
        assertThat(age.get("drifted").asBoolean()).isTrue();
        JsonNode windows = n.get("drift").get("windows");
        assertThat(windows).hasSize(3);
        assertThat(column(windows.get(0).get("data"), "age").get("drifted").asBoolean()).isFalse();
        assertThat(column(windows.get(1).get("data"), "age").get("drifted").asBoolean()).isFalse();
        assertThat(column(windows.get(2).get("data"), "age").get("drifted").asBoolean()).isTrue();
    }

    @Test
    void json_wholeLog_outliersQualityAndLatencyAreTheMonitorsOwn() {
        ObjectNode n = ReportJson.of(whole());

        assertThat(n.get("outliers"))
                .isEqualTo(
                        MonitorJson.outliers(
                                h.monitor()
                                        .outliers(
                                                Optional.of(MODEL),
                                                new ReferenceData.Training(),
                                                ALL,
                                                OutlierOptions.defaults())));
        assertThat(n.get("quality"))
                .isEqualTo(
                        MonitorJson.quality(
                                h.monitor()
                                        .quality(
                                                Optional.of(MODEL),
                                                new ReferenceData.Training(),
                                                ALL)
                                        .orElseThrow()));
        double[] latency = h.monitor().latencyMillis(ALL).orElseThrow();
        assertThat(n.get("latency_ms").get("p50").asDouble()).isEqualTo(latency[0]);
        assertThat(n.get("latency_ms").get("p99").asDouble()).isEqualTo(latency[1]);
    }

    @Test
    void json_labelledModel_performanceIsTheMonitorsOwn() {
        ObjectNode n = ReportJson.of(whole());

        assertThat(n.get("performance"))
                .isEqualTo(
                        MonitorJson.performance(
                                h.monitor()
                                        .performance(
                                                MODEL,
                                                ALL,
                                                WindowSpec.parse("1d"),
                                                LabelOptions.REQUEST_ID)));
        assertThat(n.get("performance").get("labelled").asLong()).isEqualTo(3000);
        assertThat(n.get("performance").get("windows")).hasSize(3);
        assertThat(n.get("performance").get("comparison")).isNotEmpty();
    }

    @Test
    void json_wholeLog_alertsAreTheHistorysOwn() {
        ObjectNode n = ReportJson.of(whole());

        List<AlertRecord> history =
                h.alerts().query(Optional.of(MODEL), Optional.empty(), Reports.ALERT_LIMIT);
        assertThat(history).hasSize(1);
        assertThat(n.get("alerts")).hasSize(1);
        assertThat(n.get("alerts").get(0)).isEqualTo(MonitorJson.alert(history.getFirst()));
        assertThat(n.get("alerts").get(0).get("rule").asText()).isEqualTo("age-drift");
    }

    @Test
    void build_distributions_countTheValuesDriftCompared() {
        MonitoringReport r = whole();

        List<ColumnDrift> columns = r.drift().data().columns();
        assertThat(r.distributions())
                .extracting(ColumnDistribution::column)
                .containsExactlyElementsOf(columns.stream().map(ColumnDrift::column).toList());
        for (int i = 0; i < columns.size(); i++) {
            ColumnDistribution d = r.distributions().get(i);
            ColumnDrift c = columns.get(i);
            assertThat(d.kind()).isEqualTo(c.kind());
            assertThat(d.nRef()).as(d.column()).isEqualTo(c.nRef());
            assertThat(d.nCur()).as(d.column()).isEqualTo(c.nCur());
            assertThat(d.bins().stream().mapToLong(ColumnDistribution.Bin::reference).sum())
                    .isEqualTo(c.nRef());
            assertThat(d.bins().stream().mapToLong(ColumnDistribution.Bin::current).sum())
                    .isEqualTo(c.nCur());
        }
        assertThat(
                        r.distributions().stream()
                                .filter(d -> d.column().equals("workclass"))
                                .flatMap(d -> d.bins().stream())
                                .map(ColumnDistribution.Bin::label))
                .contains(ReportHome.HOSTILE);
    }

    @Test
    void build_oneDay_coversItsWindowAndAlertsSinceItsStart() {
        Instant day2 = Instant.parse("2024-05-02T00:00:00Z");
        Range range = Range.between(day2, Instant.parse("2024-05-03T00:00:00Z"));

        MonitoringReport r = build(ReportRequest.of(MODEL).withRange(range));

        assertThat(r.range()).isEqualTo(range);
        assertThat(ReportJson.of(r).get("drift")).isEqualTo(MonitorJson.drift(monitorDrift(range)));
        assertThat(r.drift().windows()).hasSize(1);
        assertThat(r.drift().currentRows()).isEqualTo(1000);
        assertThat(r.distributions())
                .allSatisfy(d -> assertThat(d.nCur()).isLessThanOrEqualTo(1000));
        assertThat(r.alerts()).hasSize(1);
        assertThat(ReportJson.of(r).get("range").get("from").asText()).isEqualTo(day2.toString());
    }

    @Test
    void build_rangeStartingAfterTheAlert_hasNoAlerts() {
        Range range =
                Range.between(ReportHome.NOW.plusSeconds(1), ReportHome.NOW.plusSeconds(7200));

        assertThatThrownBy(() -> build(ReportRequest.of(MODEL).withRange(range)))
                .isInstanceOf(dev.slipway.api.InvalidInputException.class);
        assertThat(h.alerts().query(Optional.of(MODEL), range.from(), Reports.ALERT_LIMIT))
                .isEmpty();
    }

    @Test
    void build_modelWithoutLabels_notesHowToAddThem() {
        MonitoringReport r =
                build(
                        ReportRequest.of(ReportHome.UNLABELLED)
                                .withReference(
                                        new ReferenceData.Dataset(DatasetRef.parse("adult"))));

        assertThat(r.performance()).isEmpty();
        assertThat(r.notes(Part.PERFORMANCE))
                .singleElement()
                .asString()
                .contains("has no labels yet")
                .contains("slipway monitor labels FILE --model adult-unlabelled")
                .contains("POST /api/v1/models/adult-unlabelled/labels");
        assertThat(r.drift().data().columns()).isNotEmpty();
        assertThat(r.quality()).isPresent();
        assertThat(ReportJson.of(r).get("performance").isNull()).isTrue();
        assertThat(ReportJson.of(r).get("notes").toString()).contains("\"part\":\"performance\"");
    }

    @Test
    void build_fileReference_notesThatQualityNeedsADataset() {
        MonitoringReport r =
                build(
                        ReportRequest.of(MODEL)
                                .withReference(
                                        new ReferenceData.File(
                                                dev.slipway.testkit.SharedData.dataset(
                                                        "adult_train.csv"))));

        assertThat(r.quality()).isEmpty();
        assertThat(r.notes(Part.QUALITY)).singleElement().asString().contains("dataset version");
    }

    @Test
    void build_unknownModel_isNotFound() {
        assertThatThrownBy(() -> build(ReportRequest.of("no-such-model")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-model");
    }

    @Test
    void html_wholeLog_namesTheDriftedColumnWithItsVerdicts() {
        String html = ReportHtml.render(whole());

        assertThat(html)
                .contains("No dataset drift: 1 of 14 input columns drifted")
                .contains("<strong>age</strong> — ✗ drifted, wasserstein")
                .contains(
                        "<th scope=\"row\">age</th><td class=\"bad\"><span aria-hidden=\"true\">✗</span> drifted</td>")
                .contains(
                        "<th scope=\"row\">fnlwgt</th><td class=\"ok\"><span aria-hidden=\"true\">✓</span> no drift</td>")
                .contains(
                        "<h3>age</h3><span class=\"bad\"><span aria-hidden=\"true\">✗</span> drifted</span>")
                .contains("⚠ firing: age-drift (warning).");
        String ageOverTime =
                between(html, "<tr><th scope=\"row\">age</th><td class=\"ok\" title", "</tr>");
        assertThat(ageOverTime.split("<span class=\"sr\">no drift</span>", -1)).hasSize(3);
        assertThat(ageOverTime).endsWith("<span class=\"sr\">drifted</span></td>");
    }

    @Test
    void html_hostileValue_isEscaped() {
        String html = ReportHtml.render(whole());

        assertThat(html).doesNotContain(ReportHome.HOSTILE).doesNotContain("<script");
        assertThat(html)
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;");
    }

    @Test
    void html_wholeLog_loadsNothingFromAnywhere() {
        String html = ReportHtml.render(whole()).toLowerCase(Locale.ROOT);

        assertThat(html)
                .doesNotContain("http:")
                .doesNotContain("https:")
                .doesNotContain("src=")
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("<iframe")
                .doesNotContain("url(")
                .doesNotContain("@import")
                .doesNotContain("<script");
        assertThat(html).startsWith("<!doctype html>").contains("<style>").endsWith("</html>\n");
    }

    private static JsonNode column(JsonNode dataset, String name) {
        for (JsonNode c : dataset.get("columns")) {
            if (c.get("column").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + dataset);
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertThat(a).as("'%s' in the page", from).isNotNegative();
        return s.substring(a, s.indexOf(to, a));
    }
}
