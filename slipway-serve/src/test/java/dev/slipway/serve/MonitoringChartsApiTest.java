package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the console's monitoring charts read, on a real server whose log holds real requests: each
 * column's drift per window, the distributions of inputs in the training data and the log with
 * shared bins, and the distribution of the predictions.
 */
class MonitoringChartsApiTest {

    private static final int ROWS = 20;
    private static final int REQUESTS = 3;
    private static final String BASE = "/api/v1/models/adult-income/monitoring/";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
        String body = OipBodiesAccess.perColumn(AdultRowsAccess.first(ROWS));
        for (int i = 0; i < REQUESTS; i++) {
            Reply r = server.post("/v2/models/adult-income/infer", body);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        server.server.predictionLog().orElseThrow().flush();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path) {
        Reply r = server.get(BASE + path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long sum(JsonNode bins, String side) {
        long total = 0;
        for (JsonNode b : bins) {
            total += b.get(side).asLong();
        }
        return total;
    }

    @Test
    void drift_windowOfRows_givesEveryColumnsScoreAndVerdictPerWindow() {
        JsonNode d = ok("drift?window=" + ROWS + "rows");
        assertThat(d.get("windows")).hasSize(REQUESTS);
        for (JsonNode w : d.get("windows")) {
            assertThat(w.get("rows").asInt()).isEqualTo(ROWS);
            JsonNode columns = w.at("/data/columns");
            assertThat(columns).hasSize(14);
            assertThat(columns.get(0).get("score").isNumber()).isTrue();
            assertThat(columns.get(0).get("threshold").isNumber()).isTrue();
            assertThat(columns.get(0).get("drifted").isBoolean()).isTrue();
        }
    }

    @Test
    void distributions_numericColumn_sharesItsBinsBetweenTrainingDataAndLog() {
        JsonNode d = ok("distributions?columns=age");
        assertThat(d.get("model").asText()).isEqualTo("adult-income");
        assertThat(d.get("reference").asText()).contains("training data of adult-income");
        assertThat(d.get("current_rows").asInt()).isEqualTo(ROWS * REQUESTS);
        assertThat(d.get("note").isNull()).isTrue();
        assertThat(d.get("columns")).hasSize(1);
        JsonNode age = d.get("columns").get(0);
        assertThat(age.get("column").asText()).isEqualTo("age");
        assertThat(age.get("kind").asText()).isEqualTo("numeric");
        assertThat(age.get("n_cur").asInt()).isEqualTo(ROWS * REQUESTS);
        assertThat(age.get("n_ref").asLong()).isEqualTo(d.get("reference_rows").asLong());
        JsonNode bins = age.get("bins");
        assertThat(bins.size()).isBetween(2, 20);
        // One list of bins holds both sides' counts, so the edges are the same for both.
        assertThat(sum(bins, "reference")).isEqualTo(age.get("n_ref").asLong());
        assertThat(sum(bins, "current")).isEqualTo(ROWS * REQUESTS);
    }

    @Test
    void distributions_withoutColumns_givesEveryComparedInputWithCategoryShares() {
        JsonNode d = ok("distributions");
        List<String> names = new ArrayList<>();
        d.get("columns").forEach(c -> names.add(c.get("column").asText()));
        assertThat(names).hasSize(14).contains("age", "workclass", "hours-per-week");
        JsonNode workclass = d.get("columns").get(names.indexOf("workclass"));
        assertThat(workclass.get("kind").asText()).isEqualTo("categorical");
        // Most frequent first: Private is the most common workplace in both.
        assertThat(workclass.at("/bins/0/label").asText()).isEqualTo("Private");
        assertThat(sum(workclass.get("bins"), "current"))
                .isEqualTo(workclass.get("n_cur").asLong());
    }

    @Test
    void distributions_columnNotAnInput_is400NamingIt() {
        Reply r = server.get(BASE + "distributions?columns=age,salary");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .contains("column 'salary' is not in both the reference");
    }

    @Test
    void distributions_emptyColumns_is400SayingHowToNameThem() {
        Reply r = server.get(BASE + "distributions?columns=,");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("columns=age,workclass");
    }

    @Test
    void predictions_againstTrainingData_countsTheTrainingRowsScoredByTheModel() {
        JsonNode p = ok("predictions");
        assertThat(p.get("current_rows").asInt()).isEqualTo(ROWS * REQUESTS);
        assertThat(p.get("reference").asText()).contains("training data of adult-income");
        assertThat(p.get("note").isNull()).as(p.toString()).isTrue();
        long training = p.get("reference_rows").asLong();
        assertThat(training).isGreaterThan(1000);
        JsonNode scored = p.get("reference_predictions");
        assertThat(scored.get("model_version").asInt()).isEqualTo(1);
        assertThat(scored.get("rows").asLong()).isEqualTo(training);
        assertThat(scored.get("choice").asText()).contains("every row of the current data");
        List<String> names = new ArrayList<>();
        p.get("columns").forEach(c -> names.add(c.get("column").asText()));
        assertThat(names).contains("label").anyMatch(n -> n.startsWith("probabilities_"));
        for (JsonNode c : p.get("columns")) {
            assertThat(c.get("n_ref").asLong()).as(c.toString()).isEqualTo(training);
            assertThat(sum(c.get("bins"), "reference")).isEqualTo(training);
            assertThat(c.get("n_cur").asInt()).isEqualTo(ROWS * REQUESTS);
            assertThat(sum(c.get("bins"), "current")).isEqualTo(ROWS * REQUESTS);
        }
    }

    @Test
    void predictions_modelVersion_scoresTheTrainingDataWithThatVersion() {
        JsonNode p = ok("predictions?model_version=2");
        assertThat(p.at("/reference_predictions/model_version").asInt()).isEqualTo(2);
        assertThat(p.at("/reference_predictions/choice").asText())
                .isEqualTo("the version asked for");
        assertThat(p.at("/columns/0/n_ref").asLong()).isEqualTo(p.get("reference_rows").asLong());
    }

    @Test
    void predictions_modelVersionWithADatasetReference_is400() {
        Reply r = server.get(BASE + "predictions?model_version=2&reference=adult");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("model_version");
    }

    @Test
    void drift_againstTrainingData_comparesThePredictionsToo() {
        JsonNode d = ok("drift");
        assertThat(d.get("prediction_note").isNull()).as(d.toString()).isTrue();
        assertThat(d.at("/reference_predictions/model_version").asInt()).isEqualTo(1);
        JsonNode columns = d.at("/prediction/columns");
        assertThat(columns.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode c : columns) {
            assertThat(c.get("score").isNumber()).as(c.toString()).isTrue();
            assertThat(c.get("n_ref").asLong()).isEqualTo(d.get("reference_rows").asLong());
        }
    }

    @Test
    void predictions_againstARangeOfTheLog_comparesBothSides() {
        JsonNode p = ok("predictions?reference_from=2000-01-01&reference_to=2999-01-01");
        assertThat(p.get("reference").asText()).contains("adult-income");
        assertThat(p.get("reference_rows").asInt()).isEqualTo(ROWS * REQUESTS);
        assertThat(p.get("note").isNull()).isTrue();
        JsonNode label = p.get("columns").get(0);
        assertThat(label.get("n_ref").asLong()).isEqualTo(ROWS * REQUESTS);
        assertThat(sum(label.get("bins"), "reference"))
                .isEqualTo(sum(label.get("bins"), "current"));
    }

    @Test
    void predictions_datasetAndLogRangeAsReference_is400() {
        Reply r = server.get(BASE + "predictions?reference=adult&reference_from=2000-01-01");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("not both");
    }
}
