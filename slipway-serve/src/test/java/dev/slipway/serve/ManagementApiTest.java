package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.serve.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The management API under /api/v1 and the repository extension of the protocol. */
class ManagementApiTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void serverInfo_always_describesListenersModelsAndBatching() {
        JsonNode info = server.get("/api/v1/server").json();
        assertThat(info.get("name").asText()).isEqualTo("slipway");
        assertThat(info.get("ready").asBoolean()).isTrue();
        assertThat(info.get("grpc_port").asInt()).isEqualTo(server.server.grpcPort().getAsInt());
        assertThat(info.get("tokens_required").asBoolean()).isFalse();
        assertThat(info.get("batching").get("max_batch_rows").asInt()).isEqualTo(256);
        assertThat(info.get("models").toString())
                .contains("\"name\":\"adult-income\"", "\"ref\":\"adult-income@champion\"");
    }

    @Test
    void models_always_listsRegistryVersionsAndWhatIsServed() {
        JsonNode models = server.get("/api/v1/models").json();
        JsonNode adult = models.get(0);
        assertThat(adult.get("name").asText()).isEqualTo("adult-income");
        assertThat(adult.get("versions").size()).isEqualTo(2);
        assertThat(adult.get("aliases").get("champion").asInt()).isEqualTo(1);
        assertThat(adult.get("served").get("version").asInt()).isEqualTo(1);
        assertThat(adult.get("served").get("state").asText()).isEqualTo("ready");
    }

    @Test
    void model_trainedVersion_showsMetricsLineageProvenanceAndSignature() {
        var registered = server.home.registry().versions("adult-income").get(0);
        JsonNode v1 = server.get("/api/v1/models/adult-income").json().get("versions").get(0);

        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("metrics").get("auc").asDouble()).isBetween(0.5, 1.0);
        assertThat(v1.get("headline_metric").get("name").asText()).isEqualTo("auc");
        assertThat(v1.get("headline_metric").get("value").asDouble())
                .isEqualTo(v1.get("metrics").get("auc").asDouble());
        JsonNode lineage = v1.get("lineage");
        assertThat(lineage.get("source").asText()).isEqualTo("trained");
        assertThat(lineage.get("run_id").asText()).isEqualTo(registered.lineage().runId().get());
        assertThat(lineage.get("dataset_name").asText()).isEqualTo("adult");
        assertThat(lineage.get("dataset_version").asText())
                .isEqualTo(registered.lineage().datasetVersion().get());
        JsonNode provenance = v1.get("provenance");
        assertThat(provenance.get("source").asText()).isEqualTo("trained");
        assertThat(provenance.get("dataset_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(provenance.get("params").get("num_round").asText()).isEqualTo("20");
        assertThat(provenance.get("seed").isIntegralNumber()).isTrue();
        assertThat(provenance.get("libraries").size()).isPositive();
        assertThat(provenance.get("jvm").asText()).isNotBlank();
        assertThat(provenance.get("os").asText()).isNotBlank();
        assertThat(v1.get("signature").get("inputs").toString()).contains("\"name\":\"age\"");
        assertThat(v1.get("signature").get("outputs").size()).isPositive();
    }

    @Test
    void model_importedAndNotServed_showsImportSourceAndManifestSignature() {
        assertThat(server.post("/api/v1/models/iris/unload", "").status()).isEqualTo(200);

        JsonNode iris = server.get("/api/v1/models/iris").json();

        assertThat(iris.get("served").isNull()).isTrue();
        JsonNode v1 = iris.get("versions").get(0);
        assertThat(v1.get("lineage").get("source").asText()).isEqualTo("imported");
        assertThat(v1.get("lineage").get("file_name").asText()).isEqualTo("rf_iris.onnx");
        assertThat(v1.get("lineage").has("run_id")).isFalse();
        assertThat(v1.get("provenance").get("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(v1.get("signature").get("inputs").size()).isPositive();
        assertThat(v1.get("signature").get("outputs").size()).isPositive();
    }

    @Test
    void models_list_carriesTheSameVersionDetailsAsTheModel() {
        JsonNode listed = server.get("/api/v1/models").json().get(0);
        JsonNode one = server.get("/api/v1/models/adult-income").json();

        assertThat(listed.get("versions")).isEqualTo(one.get("versions"));
        assertThat(listed.get("tags").isObject()).isTrue();
    }

    @Test
    void model_unknown_is404() {
        Reply r = server.get("/api/v1/models/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("nope");
    }

    @Test
    void aliasMove_viaApi_serverAnswersFromTheNewVersionAtOnce() {
        Reply r = server.put("/api/v1/models/adult-income/aliases/champion", "{\"version\": 2}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("served").get("version").asInt()).isEqualTo(2);
        assertThat(server.get("/v2/models/adult-income").json().get("versions").get(0).asText())
                .isEqualTo("2");
    }

    @Test
    void aliasMove_unknownVersion_is404AndNothingChanges() {
        Reply r = server.put("/api/v1/models/adult-income/aliases/champion", "{\"version\": 9}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(server.server.core().model("adult-income").version()).hasValue(1);
    }

    @Test
    void aliasMove_withoutVersion_is400SayingWhatToSend() {
        Reply r = server.put("/api/v1/models/adult-income/aliases/champion", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("{\"version\": N}");
    }

    @Test
    void unloadThenLoad_viaApi_takesTheModelOutAndBack() {
        assertThat(server.post("/api/v1/models/iris/unload", "").status()).isEqualTo(200);
        assertThat(server.get("/v2/models/iris/ready").status()).isEqualTo(404);
        Reply load = server.post("/api/v1/models/iris/load", "{\"ref\": \"iris@champion\"}");
        assertThat(load.status()).as(load.body()).isEqualTo(200);
        assertThat(server.get("/v2/models/iris/ready").status()).isEqualTo(200);
    }

    @Test
    void repositoryUnloadAndLoad_protocolExtension_works() {
        assertThat(server.post("/v2/repository/models/iris/unload", "").status()).isEqualTo(200);
        assertThat(server.get("/v2/models").json().get("models").toString()).doesNotContain("iris");
        assertThat(server.post("/v2/repository/models/iris/load", "").status()).isEqualTo(200);
        assertThat(server.get("/v2/models/iris").json().get("versions").get(0).asText())
                .isEqualTo("1");
    }

    @Test
    void repositoryLoad_unknownModel_is404() {
        Reply r = server.post("/v2/repository/models/nope/load", "");
        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void ready_noModelServed_is503() {
        server.post("/v2/repository/models/iris/unload", "");
        server.post("/v2/repository/models/adult-income/unload", "");
        server.post("/v2/repository/models/adult-strict/unload", "");
        Reply r = server.get("/v2/health/ready");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("ready").asBoolean()).isFalse();
    }
}
