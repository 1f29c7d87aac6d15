package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/metrics/live}: the server's own numbers move with real requests. */
class LiveMetricsApiTest {

    private static final String LIVE = "/api/v1/metrics/live";

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode model(JsonNode live, String name) {
        for (JsonNode m : live.get("models")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no model " + name + " in " + live);
    }

    private void predict(int requests, int rows) {
        String body = OipBodiesAccess.perColumn(AdultRowsAccess.first(rows));
        for (int i = 0; i < requests; i++) {
            Reply r = server.post("/v2/models/adult-income/infer", body);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    @Test
    void live_afterPredictions_countsLatencyAndBatchesMove() {
        JsonNode before = model(server.get(LIVE).json(), "adult-income");

        predict(5, 3);
        JsonNode live = server.get(LIVE).json();

        JsonNode after = model(live, "adult-income");
        assertThat(after.get("requests_total").asLong())
                .isEqualTo(before.get("requests_total").asLong() + 5);
        assertThat(after.get("requests_in_window").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(after.get("requests_per_second").asDouble()).isPositive();
        JsonNode latency = after.get("latency_ms");
        assertThat(latency.get("count").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(latency.get("p50").asDouble()).isPositive();
        assertThat(latency.get("p99").asDouble())
                .isGreaterThanOrEqualTo(latency.get("p50").asDouble());
        JsonNode batches = after.get("batch_rows");
        assertThat(batches.get("rows_total").asLong())
                .isEqualTo(before.get("batch_rows").get("rows_total").asLong() + 15);
        assertThat(batches.get("mean").asDouble()).isGreaterThanOrEqualTo(3);
        assertThat(batches.get("histogram").size()).isPositive();
        assertThat(after.get("served").asBoolean()).isTrue();
        assertThat(after.get("state").asText()).isEqualTo("ready");
        assertThat(after.get("queued_rows").asInt()).isZero();
        assertThat(live.get("totals").get("requests_total").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(live.get("uptime_seconds").asDouble()).isPositive();
        assertThat(live.get("window_seconds").asDouble()).isPositive();
    }

    @Test
    void live_refusedRequest_isCountedByItsKind() {
        Reply bad = server.post("/v2/models/adult-income/infer", "{\"inputs\": []}");
        assertThat(bad.status()).isEqualTo(400);

        JsonNode live = server.get(LIVE).json();

        JsonNode adult = model(live, "adult-income");
        assertThat(adult.get("errors_total").get("invalid").asLong()).isEqualTo(1);
        assertThat(adult.get("errors_in_window").get("invalid").asLong()).isEqualTo(1);
        assertThat(live.get("totals").get("errors_total").get("invalid").asLong()).isEqualTo(1);
    }

    @Test
    void live_servedModelWithoutTraffic_isListedWithZerosAndNoPercentiles() {
        JsonNode iris = model(server.get(LIVE).json(), "iris");

        assertThat(iris.get("requests_total").asLong()).isZero();
        assertThat(iris.get("requests_per_second").asDouble()).isZero();
        assertThat(iris.get("latency_ms").get("p99").isNull()).isTrue();
        assertThat(iris.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void live_unknownModelName_isNotListedAsAModel() {
        String body = OipBodiesAccess.perColumn(AdultRowsAccess.first(1));
        assertThat(server.post("/v2/models/nope/infer", body).status()).isEqualTo(404);

        JsonNode live = server.get(LIVE).json();

        assertThat(live.get("models").toString()).doesNotContain("\"nope\"");
        assertThat(live.get("totals").get("errors_total").get("not_found").asLong()).isOne();
    }

    @Test
    void live_tokensRequired_needsAToken() {
        ServeHome home = ServeHome.copy();
        String predict =
                new Tokens(home.home(), Clock.systemUTC(), new SecureRandom())
                        .create("watcher", Set.of(Scope.PREDICT))
                        .secret();
        try (TestServer guarded =
                TestServer.start(
                        home, TestServer.config().withTokens(ServerConfig.TokenMode.REQUIRED))) {
            assertThat(guarded.get(LIVE).status()).isEqualTo(401);
            assertThat(guarded.get(LIVE, "Authorization", "Bearer " + predict).status())
                    .isEqualTo(200);
        }
    }
}
