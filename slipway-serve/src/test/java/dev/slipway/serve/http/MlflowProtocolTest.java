package dev.slipway.serve.http;

import static dev.slipway.serve.http.MlflowServer.JSON;
import static dev.slipway.serve.http.MlflowServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.StringColumn;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MLflow's scoring protocol against a real server: every input format, health and routing. */
class MlflowProtocolTest {

    private static final int ROWS = 40;

    private static MlflowServer server;
    private static Frame rows;
    private static Frame expected;

    @BeforeAll
    static void start() {
        server = MlflowServer.adult();
        rows = MlflowServer.adultRows(ROWS);
        expected = server.expected(rows);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Asserts a 200 whose predictions are the in-process ones, row by row. */
    private static void assertPredictions(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode predictions = json(response).get("predictions");
        assertThat(predictions.size()).isEqualTo(ROWS);
        StringColumn labels = (StringColumn) expected.column("label");
        Column probabilities = expected.column("probabilities");
        for (int r = 0; r < ROWS; r++) {
            JsonNode p = predictions.get(r);
            assertThat(p.get("label").asText()).isEqualTo(labels.get(r));
            assertThat(p.get("probabilities").size()).isEqualTo(2);
            for (int k = 0; k < 2; k++) {
                assertThat(p.get("probabilities").get(k).asDouble())
                        .isCloseTo(MlflowServer.at(probabilities, r, k), within(1e-9));
            }
        }
    }

    private static ObjectNode body(String key, JsonNode value) {
        ObjectNode o = JSON.createObjectNode();
        o.set(key, value);
        return o;
    }

    private static ObjectNode split(Frame f) {
        ObjectNode s = JSON.createObjectNode();
        ArrayNode columns = s.putArray("columns");
        f.names().forEach(columns::add);
        ArrayNode data = s.putArray("data");
        for (JsonNode record : MlflowServer.records(f)) {
            ArrayNode row = data.addArray();
            f.names().forEach(n -> row.add(record.get(n)));
        }
        return s;
    }

    @Test
    void invocations_dataframeSplit_answersThePredictionsInProcess() {
        assertPredictions(server.postJson("/invocations", body("dataframe_split", split(rows))));
    }

    @Test
    void invocations_dataframeSplitWithIndex_answersThePredictionsInProcess() {
        ObjectNode s = split(rows);
        ArrayNode index = s.putArray("index");
        for (int r = 0; r < ROWS; r++) {
            index.add(r);
        }
        assertPredictions(server.postJson("/invocations", body("dataframe_split", s)));
    }

    @Test
    void invocations_dataframeRecords_answersThePredictionsInProcess() {
        assertPredictions(
                server.postJson(
                        "/invocations", body("dataframe_records", MlflowServer.records(rows))));
    }

    @Test
    void invocations_instancesAsObjects_answersThePredictionsInProcess() {
        assertPredictions(
                server.postJson("/invocations", body("instances", MlflowServer.records(rows))));
    }

    @Test
    void invocations_instancesAsListsInInputOrder_answersThePredictionsInProcess() {
        ArrayNode lists = MlflowServer.lists(rows, server.adultSignature().inputs());
        assertPredictions(server.postJson("/invocations", body("instances", lists)));
    }

    @Test
    void invocations_inputsAsColumns_answersThePredictionsInProcess() {
        ObjectNode columns = JSON.createObjectNode();
        for (Column c : rows.columns()) {
            ArrayNode values = columns.putArray(c.name());
            for (int r = 0; r < ROWS; r++) {
                values.add(MlflowServer.cell(c, r));
            }
        }
        assertPredictions(server.postJson("/invocations", body("inputs", columns)));
    }

    @Test
    void invocations_inputsAsRows_answersThePredictionsInProcess() {
        assertPredictions(
                server.postJson("/invocations", body("inputs", MlflowServer.records(rows))));
    }

    @Test
    void invocations_textCsv_answersThePredictionsInProcess() {
        assertPredictions(server.post("/invocations", "text/csv", MlflowServer.csv(rows)));
    }

    @Test
    void invocations_applicationCsv_answersThePredictionsInProcess() {
        assertPredictions(server.post("/invocations", "application/csv", MlflowServer.csv(rows)));
    }

    @Test
    void invocations_charsetUtf8InAnyCase_isAccepted() {
        assertPredictions(
                server.post(
                        "/invocations",
                        "application/json; Charset=UTF-8",
                        body("dataframe_split", split(rows)).toString()));
    }

    @Test
    void invocations_params_areAccepted() {
        ObjectNode b = body("dataframe_split", split(rows));
        b.putObject("params").put("temperature", 0.5);
        assertPredictions(server.postJson("/invocations", b));
    }

    @Test
    void invocations_extraColumns_areIgnored() {
        ArrayNode records = MlflowServer.records(rows);
        records.forEach(r -> ((ObjectNode) r).put("customer_id", "c-1"));
        assertPredictions(server.postJson("/invocations", body("dataframe_records", records)));
    }

    @Test
    void invocations_nullForANumber_isMissingNotAnError() {
        ArrayNode records = MlflowServer.records(MlflowServer.adultRows(2));
        ((ObjectNode) records.get(0)).putNull("age");
        HttpResponse<String> r =
                server.postJson("/invocations", body("dataframe_records", records));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("predictions").size()).isEqualTo(2);
    }

    @Test
    void modelsInvocations_servedModel_answersThePredictionsInProcess() {
        assertPredictions(
                server.postJson(
                        "/models/adult-income/invocations", body("dataframe_split", split(rows))));
    }

    @Test
    void ping_modelLoaded_is200() {
        assertThat(server.get("/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void health_modelLoaded_is200() {
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void version_always_answersSlipwaysVersionAsText() {
        HttpResponse<String> r = server.get("/version");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("test");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void invocations_mlflowModelChosen_isServedByThatModel() {
        try (MlflowServer s =
                MlflowServer.start(Optional.of("iris"), "adult-income@champion", "iris@champion")) {
            HttpResponse<String> r =
                    s.post(
                            "/invocations",
                            "application/json",
                            "{\"instances\": [[5.1, 3.5, 1.4, 0.2], [6.8, 2.8, 4.8, 1.4]]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode p = json(r).get("predictions");
            assertThat(p.get(0).get("output_label").asLong()).isZero();
            assertThat(p.get(1).get("output_label").asLong()).isEqualTo(1);
            assertThat(p.get(0).get("output_probability").size()).isEqualTo(3);
        }
    }

    @Test
    void health_chosenModelNotServed_is503() {
        try (MlflowServer s = MlflowServer.start(Optional.of("nope"), "adult-income@champion")) {
            HttpResponse<String> r = s.get("/health");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(json(r).get("error_code").asText()).isEqualTo("TEMPORARILY_UNAVAILABLE");
            assertThat(json(r).get("message").asText()).contains("'nope'", "--mlflow-model");
        }
    }
}
