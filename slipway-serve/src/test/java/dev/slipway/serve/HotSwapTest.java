package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.core.CoreOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Aliases move under load: nothing fails, every answer comes whole from one version. */
class HotSwapTest {

    private static final int ROWS = 8;

    @Test
    void aliasMoves20TimesUnderLoad_noRequestFailsAndEveryAnswerIsOneVersions() throws Exception {
        ServerConfig config =
                TestServer.config()
                        .withCore(CoreOptions.defaults().withPollInterval(Duration.ofMillis(20)));
        try (TestServer server = TestServer.start(config)) {
            Frame rows = AdultRowsAccess.first(ROWS);
            Map<String, List<String>> expected =
                    Map.of("1", labels(server, 1, rows), "2", labels(server, 2, rows));
            String body = dev.slipway.serve.http.OipBodiesAccess.perColumn(rows);
            ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(
                        Thread.ofPlatform()
                                .start(
                                        () -> {
                                            while (!stop.get()) {
                                                replies.add(
                                                        server.post(
                                                                "/v2/models/adult-income/infer",
                                                                body));
                                            }
                                        }));
            }
            int target = 1;
            for (int move = 0; move < 20; move++) {
                target = target == 1 ? 2 : 1;
                server.home.registry().setAlias("adult-income", "champion", target);
                while (server.server.core().model("adult-income").version().orElseThrow()
                        != target) {
                    Thread.sleep(5);
                }
                int before = replies.size();
                while (replies.size() < before + 20) {
                    Thread.sleep(1);
                }
            }
            stop.set(true);
            for (Thread t : load) {
                t.join();
            }
            assertThat(replies).hasSizeGreaterThan(400);
            Map<String, Integer> byVersion = new java.util.TreeMap<>();
            for (Reply r : replies) {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                JsonNode json = r.json();
                String version = json.get("model_version").asText();
                assertThat(version).isIn("1", "2");
                List<String> labels = new ArrayList<>();
                json.get("outputs").get(0).get("data").forEach(n -> labels.add(n.asText()));
                assertThat(labels).isEqualTo(expected.get(version));
                byVersion.merge(version, 1, Integer::sum);
            }
            assertThat(byVersion).containsOnlyKeys("1", "2");
        }
    }

    private static List<String> labels(TestServer server, int version, Frame rows) {
        try (Predictor p = server.home.registry().load(ModelRef.parse("adult-income/" + version))) {
            StringColumn c = (StringColumn) p.predict(rows).column("label");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < c.rows(); i++) {
                out.add(c.get(i));
            }
            return out;
        }
    }
}
