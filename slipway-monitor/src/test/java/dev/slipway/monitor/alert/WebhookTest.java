package dev.slipway.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.StoreLocation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook deliveries to a real HTTP receiver on this machine. */
class WebhookTest {

    /** Limits on waits for things that happen in well under a second; generous for slow CI. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A request as the receiver saw it. */
    record Received(
            String attempt, String contentType, String authorization, String path, byte[] body) {}

    @TempDir Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:05:00Z"));
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService serverThreads;
    private MetadataStore store;

    @BeforeEach
    void openStore() {
        store = MetadataStore.open(new StoreLocation.Sqlite(tmp.resolve("slipway.db")));
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
        store.close();
    }

    /**
     * Starts a receiver; {@code status} gives the status to answer for the n-th request (from 1),
     * or 0 to hold the request until {@link #release} opens (at the latest when the test ends) and
     * then answer 200; {@code arrived} counts requests.
     */
    private String receiver(IntUnaryOperator status, CountDownLatch arrived) throws IOException {
        AtomicInteger count = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext(
                "/",
                exchange -> {
                    try (exchange) {
                        received.add(read(exchange));
                        int answer = status.applyAsInt(count.incrementAndGet());
                        arrived.countDown();
                        if (answer == 0) {
                            release.await();
                            answer = 200;
                        }
                        exchange.sendResponseHeaders(answer, -1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Received read(HttpExchange exchange) throws IOException {
        var h = exchange.getRequestHeaders();
        return new Received(
                h.getFirst("X-Slipway-Attempt"),
                h.getFirst("Content-Type"),
                h.getFirst("Authorization"),
                exchange.getRequestURI().getPath(),
                exchange.getRequestBody().readAllBytes());
    }

    private Alerts alerts(String base, int attempts, int timeoutMs) {
        AlertRules rules =
                AlertRules.parse(
                        """
                        version: 1
                        webhook:
                          url: %s/hooks/s3cret
                          headers: {Authorization: "Bearer t0ken"}
                          attempts: %d
                          base_delay_ms: 20
                          timeout_ms: %d
                        rules:
                          - name: auc-low
                            model: adult-income
                            severity: critical
                            condition: {kind: metric, metric: auc, below: 0.8}
                        """
                                .formatted(base, attempts, timeoutMs),
                        "rules.yaml");
        return new Alerts(store, rules, clock);
    }

    private static Observations aucOf(double auc) {
        return Observations.builder(
                        "adult-income",
                        new AlertWindow(
                                Instant.parse("2026-11-22T00:00:00Z"),
                                Instant.parse("2026-11-23T00:00:00Z")))
                .metric("auc", auc, 500)
                .build();
    }

    private Delivery delivery() {
        return new AlertHistory(store)
                .query(Optional.empty(), Optional.empty(), 1)
                .getFirst()
                .delivery();
    }

    @Test
    void send_receiverFailsTwiceWith500_retriesAndDeliversOnTheThirdAttempt() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        String base = receiver(n -> n <= 2 ? 500 : 204, three);

        try (Alerts alerts = alerts(base, 4, 10_000)) {
            alerts.check(aucOf(0.74));

            assertThat(three.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(alerts.awaitDeliveries(PATIENCE)).isTrue();
        }

        assertThat(received).extracting(Received::attempt).containsExactly("1", "2", "3");
        Delivery d = delivery();
        assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.detail()).isEqualTo("HTTP 204 from " + base + " on attempt 3");
        assertThat(d.finishedAt()).contains(clock.instant());
    }

    @Test
    void send_body_isTheDocumentedJson() throws Exception {
        CountDownLatch one = new CountDownLatch(1);
        String base = receiver(n -> 200, one);

        try (Alerts alerts = alerts(base, 1, 10_000)) {
            alerts.check(aucOf(0.74));
            assertThat(alerts.awaitDeliveries(PATIENCE)).isTrue();
        }

        Received r = received.getFirst();
        assertThat(r.path()).isEqualTo("/hooks/s3cret");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.authorization()).isEqualTo("Bearer t0ken");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("rule").asText()).isEqualTo("auc-low");
        assertThat(body.get("model").asText()).isEqualTo("adult-income");
        assertThat(body.get("sequence").asLong()).isEqualTo(1);
        assertThat(body.get("state").asText()).isEqualTo("firing");
        assertThat(body.get("severity").asText()).isEqualTo("critical");
        assertThat(body.get("condition").asText()).isEqualTo("metric auc below 0.8");
        assertThat(body.get("observed").asDouble()).isEqualTo(0.74);
        assertThat(body.get("bound").asDouble()).isEqualTo(0.8);
        assertThat(body.get("window").get("start").asText()).isEqualTo("2026-11-22T00:00:00.000Z");
        assertThat(body.get("window").get("end").asText()).isEqualTo("2026-11-23T00:00:00.000Z");
        assertThat(body.get("message").asText()).startsWith("auc-low FIRING [critical]");
        assertThat(body.get("time").asText()).isEqualTo("2026-11-23T00:05:00.000Z");
        assertThat(body.get("firing_since").asText()).isEqualTo("2026-11-23T00:05:00.000Z");
        assertThat(body.size()).isEqualTo(13);
    }

    @Test
    void send_receiverNeverAnswers_timesOutEachAttemptAndRecordsTheFailure() throws Exception {
        CountDownLatch two = new CountDownLatch(2);
        String base = receiver(n -> 0, two);

        try (Alerts alerts = alerts(base, 2, 300)) {
            alerts.check(aucOf(0.74));

            assertThat(alerts.awaitDeliveries(PATIENCE)).isTrue();
        }

        assertThat(two.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Delivery d = delivery();
        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.detail())
                .isEqualTo("no answer within 300 ms from " + base + " on the last of 2 attempts");
        assertThat(d.detail()).doesNotContain("s3cret");
    }

    @Test
    void check_receiverSlow_returnsAtOnceWithDeliveryPending() throws Exception {
        CountDownLatch one = new CountDownLatch(1);
        String base = receiver(n -> 0, one);

        try (Alerts alerts = alerts(base, 1, 60_000)) {
            CheckResult r = alerts.check(aucOf(0.74));
            assertThat(one.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(r.notifications()).hasSize(1);
            assertThat(delivery().status()).isEqualTo(Delivery.Status.PENDING);
            assertThat(delivery().detail()).isEqualTo("to be sent to " + base);
            assertThat(alerts.awaitDeliveries(Duration.ZERO)).isFalse();
            release.countDown();
            assertThat(alerts.awaitDeliveries(PATIENCE)).isTrue();
        }

        assertThat(delivery().status()).isEqualTo(Delivery.Status.DELIVERED);
    }

    @Test
    void send_clientError_notRetried() throws Exception {
        CountDownLatch one = new CountDownLatch(1);
        String base = receiver(n -> 401, one);

        try (Alerts alerts = alerts(base, 5, 10_000)) {
            alerts.check(aucOf(0.74));
            assertThat(alerts.awaitDeliveries(PATIENCE)).isTrue();
        }

        assertThat(received).hasSize(1);
        Delivery d = delivery();
        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.detail())
                .isEqualTo(
                        "HTTP 401 from "
                                + base
                                + " on attempt 1, which is not retried: check the webhook's URL and headers");
    }

    @Test
    void send_nothingListening_retriesThenRecordsNoConnection() throws Exception {
        String base = receiver(n -> 200, new CountDownLatch(1));
        server.stop(0);
        server = null;
        serverThreads.shutdownNow();

        try (Alerts alerts = alerts(base, 3, 10_000)) {
            alerts.check(aucOf(0.74));
            assertThat(alerts.awaitDeliveries(PATIENCE)).isTrue();
        }

        Delivery d = delivery();
        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.detail()).startsWith("no connection").endsWith("on the last of 3 attempts");
    }

    @Test
    void send_resolved_deliversResolvedState() throws Exception {
        CountDownLatch two = new CountDownLatch(2);
        String base = receiver(n -> 200, two);

        try (Alerts alerts = alerts(base, 1, 10_000)) {
            alerts.check(aucOf(0.74));
            clock.advance(Duration.ofMinutes(1));
            alerts.check(aucOf(0.91));
            assertThat(alerts.awaitDeliveries(PATIENCE)).isTrue();
        }

        assertThat(received)
                .extracting(r -> new ObjectMapper().readTree(r.body()).get("state").asText())
                .containsExactlyInAnyOrder("firing", "resolved");
    }
}
