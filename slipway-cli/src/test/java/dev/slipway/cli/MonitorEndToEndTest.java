package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.testkit.ChildJvm;
import dev.slipway.testkit.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring end to end, as a user does it: train the Adult model, serve it, replay part of the
 * Adult test set through the server, then a deliberately shifted copy of other test rows (ages +
 * 10, one workplace class over-represented), post the labels to the server, stop it, and run {@code
 * monitor report} and {@code monitor check} on the shifted period: the shifted columns drift and
 * the others do not, realized performance comes per window, and a drift rule makes the check exit 1
 * (while the unshifted period passes it).
 */
class MonitorEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "adult-income";
    private static final int ROWS = 2000;
    private static final int PER_REQUEST = 50;
    private static final List<String> NUMERIC =
            List.of(
                    "age",
                    "fnlwgt",
                    "education-num",
                    "capital-gain",
                    "capital-loss",
                    "hours-per-week");

    @TempDir Path home;

    @Test
    void replayShiftedTraffic_reportFlagsTheShiftedColumnsAndTheCheckFires() throws Exception {
        train();
        List<Map<String, String>> test = readCsv(SharedData.dataset("adult_test.csv"));
        List<Map<String, String>> normal = test.subList(0, ROWS);
        List<Map<String, String>> shifted = shift(test.subList(ROWS, 2 * ROWS));
        List<ObjectNode> labels = new ArrayList<>();
        Instant boundary;
        Instant end;
        try (ChildJvm server =
                ChildJvm.start(
                        Main.class,
                        home.resolve("serve.err"),
                        "serve",
                        "--home",
                        home.toString(),
                        "--port",
                        "0",
                        "--grpc-port",
                        "-1",
                        "--json")) {
            JsonNode started = JSON.readTree(server.readLine(Duration.ofSeconds(120)));
            String base = started.get("http").asText();
            HttpClient client = HttpClient.newHttpClient();
            replay(client, base, normal, labels);
            Thread.sleep(20); // the log's times are the answers' times, to the microsecond
            boundary = Instant.now();
            Thread.sleep(20);
            replay(client, base, shifted, labels);
            end = Instant.now().plusSeconds(1);

            ObjectNode body = JSON.createObjectNode();
            body.set("labels", JSON.valueToTree(labels));
            HttpResponse<String> posted =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    base + "/api/v1/models/" + MODEL + "/labels"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(JSON.readTree(posted.body()).get("stored").asLong()).isEqualTo(2L * ROWS);

            // SIGTERM: in-flight requests finish and the prediction log is flushed.
            server.terminate();
            assertThat(server.waitFor(Duration.ofSeconds(60))).isZero();
        }

        // The report over the shifted period.
        Path html = home.resolve("report.html");
        CliRun report =
                CliRun.of(
                        "monitor",
                        "report",
                        "--model",
                        MODEL,
                        "--from",
                        boundary.toString(),
                        "--to",
                        end.toString(),
                        "--window",
                        "500rows",
                        "--out",
                        html.toString(),
                        "--json",
                        "--home",
                        home.toString());
        assertThat(report.code()).as(report.err()).isZero();
        JsonNode r = JSON.readTree(report.out());
        JsonNode data = r.at("/drift/data");
        Map<String, Boolean> verdicts = new HashMap<>();
        data.get("columns")
                .forEach(c -> verdicts.put(c.get("column").asText(), c.get("drifted").asBoolean()));
        assertThat(verdicts).hasSize(14);
        assertThat(verdicts).containsEntry("age", true).containsEntry("workclass", true);
        verdicts.forEach(
                (column, drifted) -> {
                    if (!column.equals("age") && !column.equals("workclass")) {
                        assertThat(drifted)
                                .as("drift of unshifted column %s: %s", column, data)
                                .isFalse();
                    }
                });
        assertThat(r.at("/drift/current_rows").asLong()).isEqualTo(ROWS);
        // The predictions against the training data scored by the served version.
        assertThat(r.at("/drift/prediction_note").isNull()).as(r.at("/drift").toString()).isTrue();
        assertThat(r.at("/drift/reference_predictions/model_version").asInt()).isEqualTo(1);
        JsonNode predictions = r.at("/drift/prediction/columns");
        assertThat(predictions.size()).isGreaterThanOrEqualTo(2);
        predictions.forEach(
                c -> {
                    assertThat(c.get("score").isNumber()).as(c.toString()).isTrue();
                    assertThat(Double.isFinite(c.get("score").asDouble())).isTrue();
                });
        // Realized performance per window of 500 rows, every row labelled.
        JsonNode windows = r.at("/performance/windows");
        assertThat(windows).hasSize(ROWS / 500);
        windows.forEach(
                w -> {
                    assertThat(w.get("labelled").asLong()).isEqualTo(500);
                    assertThat(w.at("/metrics/auc").asDouble()).isBetween(0.7, 1.0);
                });
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("age").contains("workclass").doesNotContain("src=\"http");
        assertThat(page).contains("Output columns (predictions)", "scored by adult-income/1");

        // A drift rule fires on the shifted period (exit 1) and not on the unshifted one (exit 0).
        Path rules = home.resolve("rules.yaml");
        Files.writeString(
                rules,
                """
                version: 1
                rules:
                  - name: age-drift
                    model: adult-income
                    condition: {kind: column_drift, column: age}
                """);
        CliRun fired =
                CliRun.of(
                        "monitor",
                        "check",
                        "--rules",
                        rules.toString(),
                        "--model",
                        MODEL,
                        "--from",
                        boundary.toString(),
                        "--to",
                        end.toString(),
                        "--json",
                        "--home",
                        home.toString());
        assertThat(fired.code()).as(fired.out() + fired.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(JSON.readTree(fired.out()).get("firing").asBoolean()).isTrue();
        CliRun quiet =
                CliRun.of(
                        "monitor",
                        "check",
                        "--rules",
                        rules.toString(),
                        "--model",
                        MODEL,
                        "--to",
                        boundary.toString(),
                        "--from",
                        boundary.minusSeconds(3600).toString(),
                        "--home",
                        home.toString());
        assertThat(quiet.code()).as(quiet.out() + quiet.err()).isZero();
        CliRun history =
                CliRun.of(
                        "monitor", "alerts", "--model", MODEL, "--json", "--home", home.toString());
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("age-drift");
    }

    private void train() {
        CliRun imported =
                CliRun.of(
                        "data",
                        "import",
                        SharedData.dataset("adult_train.csv").toString(),
                        "--name",
                        "adult",
                        "--home",
                        home.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        CliRun train =
                CliRun.of(
                        "train",
                        "--data",
                        "adult",
                        "--target",
                        "income",
                        "--param",
                        "num_round=30",
                        "--name",
                        MODEL,
                        "--alias",
                        "champion",
                        "--home",
                        home.toString());
        assertThat(train.code()).as(train.err()).isZero();
    }

    /** Posts {@code rows} in requests of 50 rows, and keeps a label per answered row. */
    private static void replay(
            HttpClient client, String base, List<Map<String, String>> rows, List<ObjectNode> labels)
            throws Exception {
        for (int from = 0; from < rows.size(); from += PER_REQUEST) {
            List<Map<String, String>> batch =
                    rows.subList(from, Math.min(rows.size(), from + PER_REQUEST));
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(base + "/v2/models/" + MODEL + "/infer"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(request(batch)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            for (int i = 0; i < batch.size(); i++) {
                ObjectNode label = JSON.createObjectNode();
                label.put("request_id", id);
                label.put("row_index", i);
                label.put("label", batch.get(i).get("income").replace(".", ""));
                labels.add(label);
            }
        }
    }

    /** An Open Inference Protocol request: one input per column, BYTES for text. */
    private static String request(List<Map<String, String>> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode inputs = root.putArray("inputs");
        for (String column : rows.get(0).keySet()) {
            if (column.equals("income")) {
                continue;
            }
            boolean numeric = NUMERIC.contains(column);
            ObjectNode t = inputs.addObject();
            t.put("name", column);
            t.put("datatype", numeric ? "FP64" : "BYTES");
            t.putArray("shape").add(rows.size());
            ArrayNode data = t.putArray("data");
            for (Map<String, String> row : rows) {
                String v = row.get(column);
                if (v.isEmpty() || v.equals("?")) { // the data's missing values
                    data.addNull();
                } else if (numeric) {
                    data.add(Double.parseDouble(v));
                } else {
                    data.add(v);
                }
            }
        }
        return root.toString();
    }

    /**
     * The shifted copy: every age 10 years higher, and every third {@code Private} row moved to
     * {@code Self-emp-not-inc}, which roughly triples that class's share.
     */
    private static List<Map<String, String>> shift(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        int privateRows = 0;
        for (Map<String, String> row : rows) {
            Map<String, String> copy = new java.util.LinkedHashMap<>(row);
            copy.put("age", Integer.toString(Integer.parseInt(row.get("age")) + 10));
            if (row.get("workclass").equals("Private") && privateRows++ % 3 == 0) {
                copy.put("workclass", "Self-emp-not-inc");
            }
            out.add(copy);
        }
        return out;
    }

    /** The rows of a CSV whose cells have no commas, with headers and cells trimmed. */
    private static List<Map<String, String>> readCsv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i].strip(), cells[i].strip());
            }
            rows.add(row);
        }
        return rows;
    }
}
