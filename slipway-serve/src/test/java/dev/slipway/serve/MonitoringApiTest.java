package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.data.DataLimits;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring API on a real server whose prediction log holds real requests: labels in, and
 * drift, performance, outliers, quality, latency and alerts out, with their error statuses.
 */
class MonitoringApiTest {

    private static final int ROWS = 20;
    private static final List<String> REQUESTS = List.of("req-a", "req-b", "req-c");
    private static final String BASE = "/api/v1/models/adult-income";

    private static TestServer server;
    private static List<String> incomes;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(TestServer.config());
        String body = OipBodiesAccess.perColumn(AdultRowsAccess.first(ROWS));
        // The client's first request on a connection (its HTTP/2 upgrade) loses X-Request-Id.
        server.get("/v2/health/live");
        for (String id : REQUESTS) {
            Reply r = server.post("/v2/models/adult-income/infer", body, "X-Request-Id", id);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("X-Request-Id")).hasValue(id);
        }
        server.server.predictionLog().orElseThrow().flush();
        incomes =
                Files.readAllLines(SharedData.dataset("adult_test.csv")).stream()
                        .skip(1)
                        .limit(ROWS)
                        .map(l -> l.substring(l.lastIndexOf(',') + 1).trim())
                        .toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The true incomes of a request's rows as label objects keyed by request id and row. */
    private static String labels(String request) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ROWS; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(
                    "{\"request_id\": \"%s\", \"row_index\": %d, \"label\": \"%s\"}"
                            .formatted(request, i, incomes.get(i)));
        }
        return b.append(']').toString();
    }

    private static int labelled() {
        Reply perf = server.get(BASE + "/monitoring/performance?window=1d");
        assertThat(perf.status()).as(perf.body()).isEqualTo(200);
        return perf.json().get("labelled").asInt();
    }

    @Test
    void labels_posted_storedAndCountedByPerformanceAtOnce() {
        int before = labelled();
        Reply r = server.post(BASE + "/labels", labels("req-a"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("model").asText()).isEqualTo("adult-income");
        assertThat(r.json().get("key_column").asText()).isEqualTo("request_id");
        assertThat(r.json().get("received").asInt()).isEqualTo(ROWS);
        assertThat(r.json().get("stored").asInt()).isEqualTo(ROWS);
        assertThat(r.json().get("unmatched").asInt()).isZero();

        assertThat(labelled()).isEqualTo(before + ROWS);
    }

    @Test
    void performance_withLabels_givesMetricsOverallAndPerWindow() {
        server.post(BASE + "/labels", labels("req-c"));
        Reply perf = server.get(BASE + "/monitoring/performance?window=1d");
        assertThat(perf.status()).as(perf.body()).isEqualTo(200);
        JsonNode p = perf.json();
        assertThat(p.get("model").asText()).isEqualTo("adult-income");
        assertThat(p.get("task").asText()).isEqualTo("binary");
        assertThat(p.get("window").asText()).isEqualTo("1d");
        assertThat(p.get("metrics").get("accuracy").asDouble()).isBetween(0.5, 1.0);
        assertThat(p.get("windows")).hasSize(1);
        assertThat(p.get("windows").get(0).get("labelled").asInt())
                .isEqualTo(p.get("labelled").asInt());
        assertThat(p.get("comparison").isArray()).isTrue();
    }

    @Test
    void labels_postedOverHttp_readAtOnceByAMonitorOnTheHomeAsTheCliReadsIt() {
        ServeHome h = server.home;
        Monitor cli =
                new Monitor(
                        h.home(),
                        h.registry(),
                        h.datasets(),
                        DataLimits.defaults(),
                        Clock.systemUTC());
        long before = cli.labelCount("adult-income");
        Reply r = server.post(BASE + "/labels", labels("req-b"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(cli.labelCount("adult-income")).isEqualTo(before + ROWS);
        PerformanceReport report =
                cli.performance(
                        "adult-income",
                        new CurrentData.Log("adult-income", Range.all()),
                        WindowSpec.parse("1d"),
                        "request_id");
        assertThat(report.labelled()).isGreaterThanOrEqualTo(ROWS);
    }

    @Test
    void labels_namedColumns_areReadFromThoseColumns() {
        Reply r =
                server.post(
                        BASE + "/labels",
                        "{\"labels\": [{\"ticket\": \"t-1\", \"y\": \">50K\"}], \"key_column\": \"ticket\", \"label_column\": \"y\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("key_column").asText()).isEqualTo("ticket");
        assertThat(r.json().get("stored").asInt()).isEqualTo(1);
        // The log has no column 'ticket': kept, and unmatched.
        assertThat(r.json().get("unmatched").asInt()).isEqualTo(1);
    }

    @Test
    void labels_unknownField_is400NamingIt() {
        Reply r = server.post(BASE + "/labels", "{\"labels\": [], \"key\": \"id\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("unknown field 'key'");
    }

    @Test
    void drift_againstTrainingData_comparesEveryInputPerWindow() {
        Reply r = server.get(BASE + "/monitoring/drift?window=1d");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode d = r.json();
        assertThat(d.get("current_rows").asInt()).isEqualTo(ROWS * REQUESTS.size());
        assertThat(d.get("reference").asText()).contains("training data of adult-income");
        assertThat(d.get("data").get("columns_compared").asInt()).isEqualTo(14);
        assertThat(d.get("data").get("columns").get(0).has("effect_size")).isTrue();
        assertThat(d.get("windows")).hasSize(1);
        assertThat(d.get("windows").get(0).get("rows").asInt()).isEqualTo(ROWS * REQUESTS.size());
    }

    @Test
    void drift_againstANamedDataset_namesIt() {
        Reply r = server.get(BASE + "/monitoring/drift?reference=adult_test");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("reference").asText()).startsWith("dataset adult_test");
        assertThat(r.json().get("windows")).isEmpty();
    }

    @Test
    void drift_rangeWithoutRequests_is400SayingThereIsNothingToCompare() {
        Reply r = server.get(BASE + "/monitoring/drift?from=2999-01-01&to=2999-01-02");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("has no values in the current data");
    }

    @Test
    void outliers_top_listsThatManyRows() {
        Reply r = server.get(BASE + "/monitoring/outliers?top=3");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode o = r.json();
        assertThat(o.get("rows").asInt()).isEqualTo(ROWS * REQUESTS.size());
        assertThat(o.get("top")).hasSize(3);
        assertThat(o.get("top").get(0).get("key").has("request_id")).isTrue();
        assertThat(o.get("ranges").size()).isEqualTo(14);
    }

    @Test
    void quality_againstTrainingData_givesEveryInputColumn() {
        Reply r = server.get(BASE + "/monitoring/quality");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode q = r.json();
        assertThat(q.get("rows").asInt()).isEqualTo(ROWS * REQUESTS.size());
        assertThat(q.get("columns")).hasSize(14);
        assertThat(q.get("columns").get(0).get("nulls").asInt()).isZero();
        assertThat(q.has("problems")).isTrue();
    }

    @Test
    void latency_ofTheLog_givesMedianAndP99() {
        Reply r = server.get(BASE + "/monitoring/latency?from=2000-01-01T01:00:00%2B01:00");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode l = r.json();
        assertThat(l.get("model").asText()).isEqualTo("adult-income");
        assertThat(l.get("range").get("from").asText()).isEqualTo("2000-01-01T00:00:00Z");
        assertThat(l.get("range").get("to").isNull()).isTrue();
        double p50 = l.get("latency_ms").get("p50").asDouble();
        assertThat(p50).isPositive();
        assertThat(l.get("latency_ms").get("p99").asDouble()).isGreaterThanOrEqualTo(p50);
    }

    @Test
    void latency_rangeWithoutRequests_isNull() {
        Reply r = server.get(BASE + "/monitoring/latency?from=2000-01-01&to=2000-01-02");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("range").get("to").asText()).isEqualTo("2000-01-02T00:00:00Z");
        assertThat(r.json().get("latency_ms").isNull()).isTrue();
    }

    @Test
    void alerts_noSchedule_isAnEmptyHistory() {
        Reply r = server.get(BASE + "/monitoring/alerts?since=2024-01-01&limit=5");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("model").asText()).isEqualTo("adult-income");
        assertThat(r.json().get("alerts").isArray()).isTrue();
        assertThat(r.json().get("alerts")).isEmpty();
    }

    @Test
    void report_badWindow_is400NamingIt() {
        Reply r = server.get(BASE + "/monitoring/drift?window=1fortnight");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("'1fortnight' is not a window");
    }

    @Test
    void report_badTime_is400NamingTheParameter() {
        Reply r = server.get(BASE + "/monitoring/latency?from=yesterday");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("from 'yesterday' is not a time");
    }

    @Test
    void report_unknownParameter_is400ListingTheKnownOnes() {
        Reply r = server.get(BASE + "/monitoring/drift?form=2024-01-01");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .contains(
                        "unknown query parameter 'form'",
                        "[from, model_version, reference, to, window]");
    }

    @Test
    void report_unknownModel_is404() {
        Reply r = server.get("/api/v1/models/nope/monitoring/drift");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("nope");
    }

    @Test
    void report_modelWithoutLog_is404SayingSo() {
        Reply r = server.get("/api/v1/models/iris/monitoring/latency");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("has no prediction log yet");
    }

    @Test
    void alerts_limitOutOfRange_is400() {
        Reply r = server.get(BASE + "/monitoring/alerts?limit=0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("limit '0'");
    }

    @Test
    void labels_rowWithoutLabel_is400NamingTheRow() {
        Reply r =
                server.post(
                        BASE + "/labels",
                        "[{\"request_id\": \"req-c\", \"label\": \"<=50K\"}, {\"request_id\": \"req-c\", \"row_index\": 1}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("label 2 has no 'label'");
    }

    @Test
    void labels_rowNotAnObject_is400NamingTheRow() {
        Reply r =
                server.post(BASE + "/labels", "[{\"request_id\": \"x\", \"label\": \">50K\"}, 7]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("label 2 is a JSON number");
    }

    @Test
    void labels_unknownClass_is400() {
        Reply r = server.post(BASE + "/labels", "[{\"request_id\": \"x\", \"label\": \"rich\"}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("'rich' (label 1)", "not a class");
    }

    @Test
    void labels_notJson_is400() {
        Reply r = server.post(BASE + "/labels", "request_id,label\nx,>50K\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("not valid JSON");
    }

    @Test
    void labels_unknownModel_is404() {
        Reply r =
                server.post(
                        "/api/v1/models/nope/labels", "[{\"request_id\": \"x\", \"label\": 1}]");
        assertThat(r.status()).isEqualTo(404);
    }
}
