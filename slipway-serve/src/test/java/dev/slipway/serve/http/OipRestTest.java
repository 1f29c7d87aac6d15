package dev.slipway.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.TestServer;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Open Inference Protocol's REST endpoints, one test per item of the protocol checklist. */
class OipRestTest {

    private static TestServer server;
    private static Frame rows;
    private static Frame expected;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
        rows = AdultRowsAccess.first(20);
        try (Predictor p = server.home.registry().load(ModelRef.parse("adult-income/1"))) {
            expected = p.predict(rows);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void live_running_isTrue() {
        Reply r = server.get("/v2/health/live");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("live").asBoolean()).isTrue();
    }

    @Test
    void ready_modelsLoaded_isTrue() {
        Reply r = server.get("/v2/health/ready");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("ready").asBoolean()).isTrue();
    }

    @Test
    void serverMetadata_always_namesServerVersionAndExtensions() {
        JsonNode m = server.get("/v2").json();
        assertThat(m.get("name").asText()).isEqualTo("slipway");
        assertThat(m.get("version").asText()).isEqualTo("test");
        assertThat(m.get("extensions").toString()).contains("model_repository");
    }

    @Test
    void modelList_always_namesServedModels() {
        assertThat(server.get("/v2/models").json().get("models").toString())
                .contains("adult-income", "iris");
    }

    @Test
    void modelMetadata_adult_describesInputsAndOutputs() {
        JsonNode m = server.get("/v2/models/adult-income").json();
        assertThat(m.get("name").asText()).isEqualTo("adult-income");
        assertThat(m.get("versions").get(0).asText()).isEqualTo("1");
        assertThat(m.get("platform").asText()).isEqualTo("xgboost");
        assertThat(m.get("inputs").toString())
                .contains("{\"name\":\"age\",\"datatype\":\"FP64\",\"shape\":[-1]}");
        assertThat(m.get("inputs").toString())
                .contains("\"name\":\"workclass\",\"datatype\":\"BYTES\"");
        JsonNode probabilities = m.get("outputs").get(1);
        assertThat(probabilities.get("name").asText()).isEqualTo("probabilities");
        assertThat(probabilities.get("shape").toString()).isEqualTo("[-1,2]");
    }

    @Test
    void modelMetadata_withServedVersion_isTheSame() {
        assertThat(server.get("/v2/models/adult-income/versions/1").json())
                .isEqualTo(server.get("/v2/models/adult-income").json());
    }

    @Test
    void modelMetadata_otherVersion_is404() {
        Reply r = server.get("/v2/models/adult-income/versions/2");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText())
                .contains("version 2 of model adult-income is not served");
    }

    @Test
    void modelReady_loaded_isTrue() {
        Reply r = server.get("/v2/models/adult-income/ready");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("adult-income");
        assertThat(r.json().get("ready").asBoolean()).isTrue();
        assertThat(server.get("/v2/models/adult-income/versions/1/ready").status()).isEqualTo(200);
    }

    @Test
    void modelReady_unknownModel_is404WithErrorBody() {
        Reply r = server.get("/v2/models/nope/ready");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("'nope' is not served");
    }

    @Test
    void infer_perColumnInputs_givesTheInProcessPredictions() {
        Reply r =
                server.post("/v2/models/adult-income/infer", OipBodies.perColumn(rows).toString());
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("model_name").asText()).isEqualTo("adult-income");
        assertThat(body.get("model_version").asText()).isEqualTo("1");
        JsonNode label = body.get("outputs").get(0);
        assertThat(label.get("name").asText()).isEqualTo("label");
        assertThat(label.get("datatype").asText()).isEqualTo("BYTES");
        assertThat(label.get("shape").toString()).isEqualTo("[20]");
        StringColumn labels = (StringColumn) expected.column("label");
        for (int i = 0; i < 20; i++) {
            assertThat(label.get("data").get(i).asText()).isEqualTo(labels.get(i));
        }
        JsonNode probabilities = body.get("outputs").get(1);
        assertThat(probabilities.get("shape").toString()).isEqualTo("[20,2]");
        assertThat(probabilities.get("data").size()).isEqualTo(40);
        var p = expected.column("probabilities");
        for (int i = 0; i < 40; i++) {
            double want =
                    p instanceof DoubleColumn d
                            ? d.values()[i]
                            : ((dev.slipway.api.model.FloatColumn) p).values()[i];
            assertThat(probabilities.get("data").get(i).asDouble()).isCloseTo(want, within(1e-7));
        }
    }

    @Test
    void infer_answer_saysTheServersTimeInServerTiming() {
        Reply r =
                server.post("/v2/models/adult-income/infer", OipBodies.perColumn(rows).toString());
        assertThat(r.status()).isEqualTo(200);
        String timing = r.header("Server-Timing").orElseThrow();
        assertThat(timing).matches("total;dur=\\d+\\.\\d{3}");
        assertThat(Double.parseDouble(timing.substring("total;dur=".length()))).isPositive();
    }

    @Test
    void serverTiming_isMillisecondsWithThreeDecimals() {
        String timing = OipRoutes.serverTiming(System.nanoTime() - 1_234_567);
        assertThat(timing).matches("total;dur=\\d+\\.\\d{3}");
        assertThat(Double.parseDouble(timing.substring("total;dur=".length())))
                .isGreaterThanOrEqualTo(1.234);
        assertThat(OipRoutes.serverTiming(System.nanoTime() + 60_000_000_000L))
                .isEqualTo("total;dur=0.000");
    }

    @Test
    void infer_withVersionPath_answersFromThatVersion() {
        Reply r =
                server.post(
                        "/v2/models/adult-income/versions/1/infer",
                        OipBodies.perColumn(rows).toString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("model_version").asText()).isEqualTo("1");
    }

    @Test
    void infer_withId_echoesIt() {
        ObjectNode body = OipBodies.perColumn(rows);
        body.put("id", "req-42");
        assertThat(
                        server.post("/v2/models/adult-income/infer", body.toString())
                                .json()
                                .get("id")
                                .asText())
                .isEqualTo("req-42");
    }

    @Test
    void infer_outputsFilter_returnsOnlyThoseAsked() {
        ObjectNode body = OipBodies.perColumn(rows);
        body.putArray("outputs").addObject().put("name", "probabilities");
        JsonNode outputs =
                server.post("/v2/models/adult-income/infer", body.toString()).json().get("outputs");
        assertThat(outputs.size()).isEqualTo(1);
        assertThat(outputs.get(0).get("name").asText()).isEqualTo("probabilities");
    }

    @Test
    void infer_unknownOutput_is400ListingTheOutputs() {
        ObjectNode body = OipBodies.perColumn(rows);
        body.putArray("outputs").addObject().put("name", "score");
        Reply r = server.post("/v2/models/adult-income/infer", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .contains("no output 'score'", "label", "probabilities");
    }

    @Test
    void infer_twoDimensionalInput_feedsTheModelsColumns() {
        String body =
                "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[2,4],"
                        + "\"data\":[[5.1,3.5,1.4,0.2],[6.7,3.0,5.2,2.3]]}]}";
        Reply r = server.post("/v2/models/iris/infer", body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("outputs").get(0).get("shape").toString()).isEqualTo("[2]");
    }

    @Test
    void infer_unknownModel_is404() {
        Reply r = server.post("/v2/models/nope/infer", OipBodies.perColumn(rows).toString());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().has("error")).isTrue();
    }

    @Test
    void infer_malformedJson_is400() {
        Reply r = server.post("/v2/models/adult-income/infer", "{\"inputs\": [");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("not valid JSON");
    }

    @Test
    void infer_shapeDisagreesWithData_is400NamingTheInput() {
        ObjectNode body = OipBodies.perColumn(rows);
        ((ObjectNode) body.get("inputs").get(0)).putArray("shape").add(21);
        Reply r = server.post("/v2/models/adult-income/infer", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .contains("input 'age' has shape [21]", "its data has 20");
    }

    @Test
    void infer_missingColumn_is400NamingIt() {
        ObjectNode body = OipBodies.perColumn(rows);
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("inputs")).remove(0);
        Reply r = server.post("/v2/models/adult-income/infer", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("missing input 'age'");
    }

    @Test
    void infer_textForANumber_is400NamingTheColumn() {
        ObjectNode body = OipBodies.perColumn(rows);
        ObjectNode age = (ObjectNode) body.get("inputs").get(0);
        age.put("datatype", "BYTES");
        var data = age.putArray("data");
        for (int i = 0; i < 20; i++) {
            data.add("old");
        }
        Reply r = server.post("/v2/models/adult-income/infer", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .contains("input 'age' is BYTES but model adult-income/1 needs FP64");
    }

    @Test
    void infer_unseenCategoryForAStrictModel_is400NamingColumnAndValue() {
        ObjectNode body = OipBodies.perColumn(rows);
        ObjectNode workclass = (ObjectNode) body.get("inputs").get(1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) workclass.get("data")).set(2, "Martian");
        Reply r = server.post("/v2/models/adult-strict/infer", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("workclass", "Martian");
        assertThat(server.post("/v2/models/adult-income/infer", body.toString()).status())
                .as("the default policy treats it as missing")
                .isEqualTo(200);
    }

    @Test
    void infer_dataOfTheWrongType_is400NamingTheElement() {
        ObjectNode body = OipBodies.perColumn(rows);
        ObjectNode age = (ObjectNode) body.get("inputs").get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) age.get("data")).set(3, "x");
        Reply r = server.post("/v2/models/adult-income/infer", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .contains("input 'age' is FP64 but element 3 is the text \"x\"");
    }

    @Test
    void infer_unknownDatatype_is400ListingTheValidOnes() {
        ObjectNode body = OipBodies.perColumn(rows);
        ((ObjectNode) body.get("inputs").get(0)).put("datatype", "FLOAT");
        Reply r = server.post("/v2/models/adult-income/infer", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("datatype 'FLOAT'", "FP32");
    }

    @Test
    void infer_tooDeeplyNestedJson_is400() {
        String deep = "[".repeat(200) + "]".repeat(200);
        Reply r = server.post("/v2/models/adult-income/infer", "{\"inputs\": " + deep + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).containsIgnoringCase("nesting depth");
    }

    @Test
    void infer_bodyOverTheLimit_is413() {
        String big =
                "{\"inputs\":[{\"name\":\"a\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\""
                        + "x".repeat(65 << 20)
                        + "\"]}]}";
        Reply r = server.post("/v2/models/adult-income/infer", big);
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void anyRequest_headerOverTheLimit_is431() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", server.server.httpPort())) {
            String request =
                    "GET /v2/health/live HTTP/1.1\r\nHost: x\r\nX-Big: "
                            + "y".repeat(20_000)
                            + "\r\n\r\n";
            socket.getOutputStream()
                    .write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in =
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                    socket.getInputStream(),
                                    java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 431");
        }
    }

    @Test
    void anyRequest_withRequestId_isEchoed() {
        Reply r = server.get("/v2/health/live", "X-Request-Id", "abc-123");
        assertThat(r.header("X-Request-Id")).hasValue("abc-123");
    }

    @Test
    void anyRequest_withRequestId_isInTheAccessLog() throws Exception {
        server.get("/v2/health/live", "X-Request-Id", "trace-me-7");
        java.nio.file.Path log = server.home.root().resolve("logs/access.log");
        String text = "";
        for (int i = 0; i < 500 && !text.contains("trace-me-7"); i++) {
            Thread.sleep(10);
            text = java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "";
        }
        assertThat(text).contains("trace-me-7 127.0.0.1 GET /v2/health/live 200");
    }

    @Test
    void anyRequest_withoutRequestId_getsOne() {
        Reply a = server.get("/v2/health/live");
        Reply b = server.get("/v2/health/live");
        assertThat(a.header("X-Request-Id")).isPresent();
        assertThat(a.header("X-Request-Id")).isNotEqualTo(b.header("X-Request-Id"));
    }

    @Test
    void unknownRoute_is404WithErrorBody() {
        Reply r = server.get("/v2/nothing/here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("no route GET /v2/nothing/here");
    }

    @Test
    void knownRouteWrongMethod_is405WithErrorBody() {
        Reply r = server.get("/v2/models/adult-income/infer");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().get("error").asText()).contains("method GET is not allowed");
    }

    @Test
    void repositoryIndex_always_listsServedModelsAndStates() {
        Reply r = server.post("/v2/repository/index", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"name\":\"adult-income\"", "\"state\":\"READY\"");
    }

    @Test
    void metrics_afterRequests_countsThemByModelProtocolAndStatus() {
        server.post("/v2/models/adult-income/infer", OipBodies.perColumn(rows).toString());
        String m = server.get("/metrics").body();
        assertThat(m)
                .contains(
                        "slipway_requests_total{model=\"adult-income\",protocol=\"oip-rest\",status=\"ok\",version=\"1\"}");
        assertThat(m)
                .contains(
                        "slipway_request_seconds_bucket",
                        "slipway_inference_seconds",
                        "slipway_batch_rows",
                        "slipway_queue_rows",
                        "jvm_memory_used_bytes",
                        "slipway_model_load_seconds");
    }
}
