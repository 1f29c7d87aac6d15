package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.StoreLocation;
import dev.slipway.testkit.ChildJvm;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway quickstart --no-serve}: the first run imports, trains, serves and replays traffic
 * with labels; the second reuses all of it; without {@code --no-serve} the server stays up until
 * SIGTERM.
 */
class QuickstartCliTest {

    @TempDir Path home;

    @Test
    void firstRunCreatesEverything_secondRunReusesIt() throws Exception {
        CliRun first = quickstart();
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode a = first.json();
        assertThat(statuses(a))
                .containsExactly(
                        "created", "created", "started", "created", "created", "created",
                        "created");
        assertThat(a.get("model").asText()).isEqualTo("adult-income/1");
        assertThat(a.get("alias").asText()).isEqualTo("adult-income@champion");
        assertThat(a.get("url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(a.get("serving").asBoolean()).isFalse();
        assertThat(a.get("curl").asText()).contains("/v2/models/adult-income/infer");
        assertThat(first.err()).contains("[1/7]").contains("[7/7]");

        Counts before = counts();
        long rows = QuickstartCommand.NORMAL_ROWS + QuickstartCommand.SHIFTED_ROWS;
        assertThat(before.versions()).isEqualTo(1);
        assertThat(before.champion()).isEqualTo(1);
        assertThat(before.log().logRows()).isEqualTo(rows);
        assertThat(before.log().labels()).isEqualTo(rows);
        assertThat(a.get("log_rows").asLong()).isEqualTo(rows);
        assertThat(a.get("labels").asLong()).isEqualTo(rows);

        CliRun second = quickstart();
        assertThat(second.code()).as(second.err()).isZero();
        JsonNode b = second.json();
        assertThat(statuses(b))
                .containsExactly(
                        "reused", "reused", "started", "reused", "reused", "reused", "reused");
        assertThat(b.get("model").asText()).isEqualTo("adult-income/1");
        Counts after = counts();
        assertThat(after).isEqualTo(before);

        // Without --no-serve the server stays up and answers; SIGTERM (as Ctrl-C) stops it
        // cleanly: exit 0, and the answered request is in the log.
        try (ChildJvm served =
                ChildJvm.start(
                        Main.class,
                        home.resolve("quickstart.err"),
                        "quickstart",
                        "--port",
                        "0",
                        "--home",
                        home.toString())) {
            String line = "";
            while (!line.startsWith("Console:")) {
                line = served.readLine(Duration.ofSeconds(120));
            }
            String url = line.substring("Console:".length()).strip();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");
            HttpResponse<String> answer =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            url + "v2/models/adult-income/infer"))
                                            .header("Content-Type", "application/json")
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofString(
                                                            ServeShutdownTest.adultRow()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            served.terminate();
            assertThat(served.waitFor(Duration.ofSeconds(60))).isZero();
        }
        Counts served = counts();
        assertThat(served.versions()).isEqualTo(1);
        assertThat(served.log().logRows()).isEqualTo(rows + 1);
    }

    @Test
    void aPortInUse_isAConflictThatSaysHowToChooseAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r =
                    CliRun.of(
                            "quickstart",
                            "--no-serve",
                            "--port",
                            Integer.toString(taken.getLocalPort()),
                            "--home",
                            home.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CONFLICT);
            assertThat(r.err()).contains("in use").contains("--port");
        }
    }

    private CliRun quickstart() {
        return CliRun.of(
                "quickstart", "--no-serve", "--port", "0", "--home", home.toString(), "--json");
    }

    private static List<String> statuses(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("steps").forEach(s -> out.add(s.get("status").asText()));
        return out;
    }

    record Counts(int versions, int champion, QuickstartLog.Counts log) {}

    private Counts counts() {
        try (SlipwayHome h = SlipwayHome.open(home, StoreLocation.parse("", home))) {
            Services s = Services.open(h);
            return new Counts(
                    s.registry().versions(QuickstartCommand.MODEL).size(),
                    s.registry()
                            .resolve(
                                    new dev.slipway.api.model.ModelRef.Alias(
                                            QuickstartCommand.MODEL, QuickstartCommand.ALIAS))
                            .version(),
                    QuickstartLog.counts(s, QuickstartCommand.MODEL));
        }
    }
}
