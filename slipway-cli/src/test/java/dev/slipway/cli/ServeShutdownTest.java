package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testkit.ChildJvm;
import dev.slipway.testkit.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway serve} stops gracefully on SIGTERM: exit 0, every answered request logged. */
class ServeShutdownTest {

    @TempDir static Path home;

    @BeforeAll
    static void trainAModel() {
        assertThat(
                        CliRun.of(
                                        "data",
                                        "import",
                                        SharedData.dataset("adult_train.csv").toString(),
                                        "--name",
                                        "adult",
                                        "--home",
                                        home.toString())
                                .code())
                .isZero();
        CliRun train =
                CliRun.of(
                        "train",
                        "--data",
                        "adult",
                        "--target",
                        "income",
                        "--param",
                        "num_round=10",
                        "--name",
                        "adult-income",
                        "--alias",
                        "champion",
                        "--home",
                        home.toString());
        assertThat(train.code()).as(train.err()).isZero();
    }

    /** One row of the Adult data as an Open Inference Protocol request. */
    static String adultRow() {
        String[][] columns = {
            {"age", "39"},
            {"workclass", "State-gov"},
            {"fnlwgt", "77516"},
            {"education", "Bachelors"},
            {"education-num", "13"},
            {"marital-status", "Never-married"},
            {"occupation", "Adm-clerical"},
            {"relationship", "Not-in-family"},
            {"race", "White"},
            {"sex", "Male"},
            {"capital-gain", "2174"},
            {"capital-loss", "0"},
            {"hours-per-week", "40"},
            {"native-country", "United-States"}
        };
        StringBuilder b = new StringBuilder("{\"inputs\":[");
        for (int i = 0; i < columns.length; i++) {
            String v = columns[i][1];
            boolean number = Character.isDigit(v.charAt(0));
            b.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(columns[i][0])
                    .append("\",\"datatype\":\"")
                    .append(number ? "FP64" : "BYTES")
                    .append("\",\"shape\":[1],\"data\":[")
                    .append(number ? v : "\"" + v + "\"")
                    .append("]}");
        }
        return b.append("]}").toString();
    }

    @Test
    void serve_sigterm_exitsZeroWithEveryAnsweredRequestInTheLog() throws Exception {
        Path stderr = home.resolve("serve.err");
        try (ChildJvm child =
                ChildJvm.start(
                        Main.class,
                        stderr,
                        "serve",
                        "--home",
                        home.toString(),
                        "--port",
                        "0",
                        "--grpc-port",
                        "-1",
                        "--json")) {
            JsonNode started = new ObjectMapper().readTree(child.readLine(Duration.ofSeconds(60)));
            String base = started.get("http").asText();
            HttpClient client = HttpClient.newHttpClient();
            String body = adultRow();
            Set<String> answered = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            Thread load =
                    Thread.ofPlatform()
                            .start(
                                    () -> {
                                        while (!stop.get()) {
                                            try {
                                                HttpResponse<String> r =
                                                        client.send(
                                                                HttpRequest.newBuilder(
                                                                                URI.create(
                                                                                        base
                                                                                                + "/v2/models/adult-income/infer"))
                                                                        .POST(
                                                                                HttpRequest
                                                                                        .BodyPublishers
                                                                                        .ofString(
                                                                                                body))
                                                                        .build(),
                                                                HttpResponse.BodyHandlers
                                                                        .ofString());
                                                if (r.statusCode() == 200) {
                                                    answered.add(
                                                            r.headers()
                                                                    .firstValue("X-Request-Id")
                                                                    .orElseThrow());
                                                }
                                            } catch (Exception e) {
                                                return; // the server has stopped listening
                                            }
                                        }
                                    });
            while (answered.size() < 200) {
                Thread.sleep(10);
            }
            child.terminate();
            assertThat(child.waitFor(Duration.ofSeconds(60))).isZero();
            stop.set(true);
            load.join();
            Set<String> logged = new HashSet<>();
            try (var c = DriverManager.getConnection("jdbc:duckdb:");
                    var s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "SELECT request_id FROM read_parquet('"
                                            + home.resolve("logs/predictions/adult-income")
                                            + "/**/*.parquet')")) {
                while (rs.next()) {
                    logged.add(rs.getString(1));
                }
            }
            assertThat(answered).hasSizeGreaterThanOrEqualTo(200);
            assertThat(logged).containsAll(answered);
        }
    }
}
