package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.http.OipBodiesAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A full queue answers 503 with Retry-After instead of growing without bound. */
class BackPressureTest {

    @Test
    void infer_queueFull_is503WithRetryAfterAndTheRestAreAnswered() {
        ServerConfig config =
                TestServer.config()
                        .withCore(
                                CoreOptions.defaults()
                                        .withPollInterval(Duration.ZERO)
                                        .withWorkers(1, 0)
                                        .withQueueCapacityRows(100));
        try (TestServer server = TestServer.start(config)) {
            String big = OipBodiesAccess.perColumn(AdultRowsAccess.first(15_000));
            String small = OipBodiesAccess.perColumn(AdultRowsAccess.first(60));
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replies.add(
                        CompletableFuture.supplyAsync(
                                () -> server.post("/v2/models/adult-income/infer", big)));
            }
            for (int i = 0; i < 40; i++) {
                replies.add(
                        CompletableFuture.supplyAsync(
                                () -> server.post("/v2/models/adult-income/infer", small)));
            }
            List<Reply> done = replies.stream().map(CompletableFuture::join).toList();
            List<Reply> refused = done.stream().filter(r -> r.status() == 503).toList();
            assertThat(refused).isNotEmpty();
            assertThat(refused.getFirst().header("Retry-After")).hasValue("1");
            assertThat(refused.getFirst().json().get("error").asText())
                    .contains("overloaded", "--queue-rows");
            assertThat(done).allMatch(r -> r.status() == 200 || r.status() == 503);
        }
    }
}
