package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import dev.slipway.serve.monitor.AlertOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's alert schedule against a real webhook receiver: rules on latency and error rate fire
 * for the requests the server answered, for a model trained here and for an imported one.
 */
class AlertScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Generous: the schedule runs every 200 ms; this only bounds a broken build. */
    private static final long LIMIT_SECONDS = 120;

    @TempDir static Path dir;

    private static HttpServer receiver;
    private static TestServer server;

    /** The first notification received per rule and model, e.g. {@code slow/iris}. */
    private static final Map<String, CompletableFuture<JsonNode>> received =
            new ConcurrentHashMap<>();

    private static CompletableFuture<JsonNode> notification(String rule, String model) {
        return received.computeIfAbsent(rule + "/" + model, k -> new CompletableFuture<>());
    }

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(
                "/hook",
                exchange -> {
                    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                    notification(body.get("rule").asText(), body.get("model").asText())
                            .complete(body);
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        receiver.start();
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(
                rules,
                """
                version: 1
                webhook:
                  url: http://127.0.0.1:%d/hook
                  attempts: 1
                rules:
                  - name: slow
                    model: "*"
                    condition: {kind: latency_p99, above_ms: 0.001}
                  - name: errors
                    model: adult-income
                    severity: critical
                    condition: {kind: error_rate, above: 0.2}
                """
                        .formatted(receiver.getAddress().getPort()));
        server =
                TestServer.start(
                        TestServer.config()
                                .withAlerts(
                                        Optional.of(
                                                AlertOptions.of(rules)
                                                        .withEvery(Duration.ofMillis(200)))));
        String adult = OipBodiesAccess.perColumn(AdultRowsAccess.first(3));
        assertThat(server.post("/v2/models/adult-income/infer", adult).status()).isEqualTo(200);
        // One request in two fails: its input is not the model's.
        Reply bad = server.post("/v2/models/adult-income/infer", "{\"inputs\": []}");
        assertThat(bad.status()).isEqualTo(400);
        Reply iris =
                server.post(
                        "/v2/models/iris/infer",
                        "{\"inputs\": [{\"name\": \"input\", \"datatype\": \"FP32\", \"shape\": [1, 4], \"data\": [5.1, 3.5, 1.4, 0.2]}]}");
        assertThat(iris.status()).as(iris.body()).isEqualTo(200);
        server.server.predictionLog().orElseThrow().flush();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            // Closing the server stops the schedule's thread.
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("slipway-alerts") && t.isAlive());
        }
        receiver.stop(0);
    }

    @Test
    void latencyRule_modelTrainedHere_firesToTheWebhook() throws Exception {
        JsonNode n = notification("slow", "adult-income").get(LIMIT_SECONDS, TimeUnit.SECONDS);
        assertThat(n.get("state").asText()).isEqualTo("firing");
        assertThat(n.get("observed").asDouble()).isPositive();
        assertThat(n.get("condition").asText()).contains("latency");
        Instant start = Instant.parse(n.get("window").get("start").asText());
        Instant end = Instant.parse(n.get("window").get("end").asText());
        assertThat(Duration.between(start, end)).isEqualTo(AlertOptions.DEFAULT_WINDOW);
    }

    @Test
    void latencyRule_importedModelWithoutTrainingData_stillFires() throws Exception {
        JsonNode n = notification("slow", "iris").get(LIMIT_SECONDS, TimeUnit.SECONDS);
        assertThat(n.get("state").asText()).isEqualTo("firing");
        assertThat(n.get("observed").asDouble()).isPositive();
    }

    @Test
    void errorRateRule_fromTheServersOwnCounts_fires() throws Exception {
        JsonNode n = notification("errors", "adult-income").get(LIMIT_SECONDS, TimeUnit.SECONDS);
        assertThat(n.get("severity").asText()).isEqualTo("critical");
        assertThat(n.get("observed").asDouble()).isEqualTo(0.5);
    }

    @Test
    void alertHistory_afterAFiring_listsItOverHttp() throws Exception {
        notification("slow", "adult-income").get(LIMIT_SECONDS, TimeUnit.SECONDS);
        Reply r = server.get("/api/v1/models/adult-income/monitoring/alerts");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("alerts").findValuesAsText("rule")).contains("slow");
        JsonNode slow = null;
        for (JsonNode a : r.json().get("alerts")) {
            if (a.get("rule").asText().equals("slow")) {
                slow = a;
            }
        }
        assertThat(slow).isNotNull();
        assertThat(slow.get("model").asText()).isEqualTo("adult-income");
        assertThat(slow.get("delivery").get("status").asText()).isIn("pending", "delivered");
    }
}
