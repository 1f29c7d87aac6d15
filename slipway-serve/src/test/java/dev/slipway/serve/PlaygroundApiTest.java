package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The playground API on a real server: a form's inputs with what training saw, a real training row
 * to start from and random ones to try, for adult-income (trained on Adult here) and iris (an
 * imported ONNX model without training data).
 */
class PlaygroundApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADULT = "/api/v1/models/adult-income/playground";
    private static final String IRIS = "/api/v1/models/iris/playground";

    private static TestServer server;
    private static List<String[]> trainingCsv;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(TestServer.config());
        trainingCsv = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.dataset("adult_train.csv"))) {
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            trainingCsv.add(cells);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path) {
        Reply r = server.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode input(JsonNode form, String name) {
        for (JsonNode i : form.get("inputs")) {
            if (i.get("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no input " + name + " in " + form);
    }

    /** The training file's cell of {@code column} on data row {@code row} (from 1). */
    private static String csvCell(long row, String column) {
        String[] header = trainingCsv.getFirst();
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                return trainingCsv.get((int) row)[i];
            }
        }
        throw new AssertionError("no column " + column);
    }

    /**
     * An OIP request with one row: one input per value of {@code values}, typed as the form says.
     */
    private static String oipBody(JsonNode form, JsonNode values) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (JsonNode i : form.get("inputs")) {
            ObjectNode in = inputs.addObject();
            in.put("name", i.get("name").asText());
            in.put("datatype", i.get("datatype").asText());
            in.putArray("shape").add(1);
            in.putArray("data").add(values.get(i.get("name").asText()));
        }
        return body.toString();
    }

    @Test
    void playground_trainedModel_givesInputsInSignatureOrderWithWhatTrainingSaw() {
        JsonNode form = ok(ADULT);
        JsonNode meta = ok("/v2/models/adult-income");

        List<String> names = new ArrayList<>();
        form.get("inputs").forEach(i -> names.add(i.get("name").asText()));
        List<String> signature = new ArrayList<>();
        meta.get("inputs").forEach(i -> signature.add(i.get("name").asText()));
        assertThat(names).isEqualTo(signature);
        assertThat(form.get("model").asText()).isEqualTo("adult-income");
        assertThat(form.get("version").asInt()).isEqualTo(1);
        assertThat(form.get("chosen_by").asText()).isEqualTo("served");
        assertThat(form.get("task").asText()).isEqualTo("binary");
        assertThat(form.get("classes").toString()).isEqualTo("[\"<=50K\",\">50K\"]");
        assertThat(form.get("hints").asText()).startsWith("from the training data, adult@");
        assertThat(form.get("training_data").get("dataset").asText()).isEqualTo("adult");
        assertThat(form.get("training_data").get("rows").asLong())
                .isEqualTo(trainingCsv.size() - 1L);

        JsonNode age = input(form, "age");
        assertThat(age.get("kind").asText()).isEqualTo("number");
        assertThat(age.get("integer").asBoolean()).isTrue();
        assertThat(age.get("min").asLong()).isEqualTo(17);
        assertThat(age.get("max").asLong()).isEqualTo(90);
        assertThat(age.get("p05").asDouble()).isBetween(17.0, age.get("p95").asDouble());

        JsonNode workclass = input(form, "workclass");
        assertThat(workclass.get("kind").asText()).isEqualTo("category");
        assertThat(workclass.get("datatype").asText()).isEqualTo("BYTES");
        assertThat(workclass.get("values").get(0).asText()).isEqualTo("Private");
        assertThat(workclass.get("values_capped").asBoolean()).isFalse();
        assertThat(workclass.get("values")).hasSize(workclass.get("distinct").asInt());
    }

    @Test
    void playground_trainedModel_givesOutputsAndTheUrlsThatPredict() {
        JsonNode form = ok(ADULT);

        List<String> outputs = new ArrayList<>();
        form.get("outputs").forEach(o -> outputs.add(o.get("name").asText()));
        assertThat(outputs).containsExactly("label", "probabilities");
        assertThat(form.get("endpoints").get("oip").asText())
                .isEqualTo("/v2/models/adult-income/infer");
        assertThat(form.get("endpoints").get("mlflow").asText())
                .isEqualTo("/models/adult-income/invocations");
        assertThat(form.get("served").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void playground_defaultRow_isTheFirstCompleteTrainingRowAndTheModelAnswersIt() {
        JsonNode form = ok(ADULT);
        JsonNode row = form.get("default_row");

        long number = row.get("row").asLong();
        assertThat(number).isEqualTo(1);
        JsonNode values = row.get("values");
        assertThat(values.get("age").asLong()).isEqualTo(39);
        assertThat(values.get("workclass").asText()).isEqualTo(csvCell(number, "workclass"));
        assertThat(values.size()).isEqualTo(form.get("inputs").size());
        Reply r = server.post(form.get("endpoints").get("oip").asText(), oipBody(form, values));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void randomRow_sameSeed_givesTheSameRealTrainingRow() {
        JsonNode a = ok(ADULT + "/random-row?seed=7");
        JsonNode b = ok(ADULT + "/random-row?seed=7");

        assertThat(a).isEqualTo(b);
        assertThat(a.get("seed").asLong()).isEqualTo(7);
        long number = a.get("row").asLong();
        for (String column : List.of("age", "workclass", "education", "hours-per-week")) {
            String shown = a.get("values").get(column).asText();
            assertThat(shown).as(column).isEqualTo(csvCell(number, column));
        }
    }

    @Test
    void randomRow_differentSeeds_giveDifferentRowsTheModelAnswers() {
        JsonNode form = ok(ADULT);
        Set<Long> rows = new HashSet<>();
        for (int seed = 1; seed <= 5; seed++) {
            JsonNode r = ok(ADULT + "/random-row?seed=" + seed);
            rows.add(r.get("row").asLong());
            Reply p = server.post("/v2/models/adult-income/infer", oipBody(form, r.get("values")));
            assertThat(p.status()).as(p.body()).isEqualTo(200);
        }

        assertThat(rows).hasSizeGreaterThan(1);
    }

    @Test
    void playground_importedModel_givesTheSignatureAloneAndSaysWhy() {
        JsonNode form = ok(IRIS);

        assertThat(form.get("hints").asText())
                .startsWith("none: the model has no training dataset in this home");
        assertThat(form.get("default_row").isNull()).isTrue();
        assertThat(form.get("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
        assertThat(form.get("training_data").isNull()).isTrue();
        JsonNode in = form.get("inputs").get(0);
        assertThat(in.get("kind").asText()).isEqualTo("number");
        assertThat(in.get("width").asInt()).isEqualTo(4);
        assertThat(in.has("min")).isFalse();
        assertThat(form.get("endpoints").get("oip").asText()).isEqualTo("/v2/models/iris/infer");
    }

    @Test
    void randomRow_importedModel_is409SayingThereAreNoTrainingRows() {
        Reply r = server.get(IRIS + "/random-row?seed=1");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText())
                .contains("iris/1 has no training rows", "no training dataset");
    }

    @Test
    void playground_versionOrAlias_choosesThatVersion() {
        JsonNode v2 = ok(ADULT + "?version=2");
        JsonNode champion = ok(ADULT + "?alias=champion");

        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("endpoints").get("oip").asText())
                .isEqualTo("/v2/models/adult-income/versions/2/infer");
        assertThat(champion.get("version").asInt()).isEqualTo(1);
        assertThat(champion.get("chosen_by").asText()).isEqualTo("alias champion");
    }

    @Test
    void playground_badQueries_are400Or404NamingTheProblem() {
        Reply both = server.get(ADULT + "?version=1&alias=champion");
        Reply word = server.get(ADULT + "?version=two");
        Reply noSeed = server.get(ADULT + "/random-row");
        Reply badSeed = server.get(ADULT + "/random-row?seed=x");
        Reply unknown = server.get("/api/v1/models/nope/playground");
        Reply noVersion = server.get(ADULT + "?version=99");

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("error").asText()).contains("not both");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().get("error").asText()).contains("'two'");
        assertThat(noSeed.status()).isEqualTo(400);
        assertThat(noSeed.json().get("error").asText()).contains("seed=N");
        assertThat(badSeed.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noVersion.status()).isEqualTo(404);
    }

    @Test
    void playground_tokensRequired_needsAPredictToken() {
        ServeHome home = ServeHome.copy();
        String predictToken =
                new Tokens(home.home(), Clock.systemUTC(), new SecureRandom())
                        .create("playground", Set.of(Scope.PREDICT))
                        .secret();
        try (TestServer locked =
                TestServer.start(
                        home, TestServer.config().withTokens(ServerConfig.TokenMode.REQUIRED))) {
            Reply none = locked.get(ADULT);
            Reply predict = locked.get(ADULT, "Authorization", "Bearer " + predictToken);

            assertThat(none.status()).isEqualTo(401);
            assertThat(predict.status()).as(predict.body()).isEqualTo(200);
        }
    }
}
