package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The monitoring API behind tokens and the body limit: the predict scope suffices. */
class MonitoringAccessTest {

    private static final int LIMIT = 4096;
    private static final String LABELS = "/api/v1/models/adult-income/labels";

    private static TestServer server;
    private static String predict;

    @BeforeAll
    static void start() {
        ServeHome home = ServeHome.copy();
        Tokens tokens = new Tokens(home.home(), Clock.systemUTC(), new SecureRandom());
        predict = "Bearer " + tokens.create("business", Set.of(Scope.PREDICT)).secret();
        ServerConfig config = TestServer.config();
        server =
                TestServer.start(
                        home,
                        config.withTokens(ServerConfig.TokenMode.REQUIRED)
                                .withHttp(config.http().withMaxBodyBytes(LIMIT)));
        // The client's first request on a connection (its HTTP/2 upgrade) loses X-Request-Id.
        server.get("/v2/health/live");
        Reply r =
                server.post(
                        "/v2/models/adult-income/infer",
                        OipBodiesAccess.perColumn(AdultRowsAccess.first(2)),
                        "Authorization",
                        predict,
                        "X-Request-Id",
                        "one");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("X-Request-Id")).hasValue("one");
        server.server.predictionLog().orElseThrow().flush();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void labels_noToken_is401() {
        Reply r = server.post(LABELS, "[{\"request_id\": \"one\", \"label\": \">50K\"}]");
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void labels_predictToken_areStored() {
        Reply r =
                server.post(
                        LABELS,
                        "[{\"request_id\": \"one\", \"label\": \">50K\"}]",
                        "Authorization",
                        predict);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).isEqualTo(1);
    }

    @Test
    void report_noToken_is401() {
        assertThat(server.get("/api/v1/models/adult-income/monitoring/latency").status())
                .isEqualTo(401);
    }

    @Test
    void report_predictToken_isAnswered() {
        Reply r =
                server.get(
                        "/api/v1/models/adult-income/monitoring/latency", "Authorization", predict);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("latency_ms").get("p99").isNumber()).isTrue();
    }

    @Test
    void labels_overTheBodyLimit_is413() {
        StringBuilder body = new StringBuilder("[");
        while (body.length() <= LIMIT) {
            body.append("{\"request_id\": \"one\", \"label\": \">50K\"},");
        }
        body.append("{\"request_id\": \"one\", \"label\": \">50K\"}]");
        Reply r = server.post(LABELS, body.toString(), "Authorization", predict);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).contains("larger than " + LIMIT + " bytes");
    }
}
