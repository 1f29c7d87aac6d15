package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.local.LocalModels;
import inference.GRPCInferenceServiceGrpc;
import inference.GrpcPredictV2.InferTensorContents;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same rows through the in-process Java API, OIP REST, OIP gRPC and MLflow's {@code
 * /invocations} give identical labels and identical probabilities.
 */
class ParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 200;

    private static TestServer server;
    private static Frame rows;
    private static List<String> labels;
    private static List<Float> probabilities;

    @BeforeAll
    static void start() {
        server =
                TestServer.start(
                        TestServer.config()
                                .withHttp(
                                        TestServer.config()
                                                .http()
                                                .withMlflowModel(
                                                        java.util.Optional.of("adult-income"))));
        rows = AdultRowsAccess.first(ROWS);
        try (LocalModels local = LocalModels.of(server.home.registry(), Duration.ZERO)) {
            Frame out = local.model("adult-income@champion").predict(rows);
            labels = strings((StringColumn) out.column("label"));
            probabilities = floats(out.column("probabilities"));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oipRest_sameRows_sameAnswersAsTheJavaApi() {
        Reply r =
                server.post(
                        "/v2/models/adult-income/infer",
                        dev.slipway.serve.http.OipBodiesAccess.perColumn(rows));
        JsonNode outputs = r.json().get("outputs");
        List<String> got = new ArrayList<>();
        outputs.get(0).get("data").forEach(n -> got.add(n.asText()));
        List<Float> p = new ArrayList<>();
        outputs.get(1).get("data").forEach(n -> p.add((float) n.asDouble()));
        assertThat(got).isEqualTo(labels);
        assertThat(p).isEqualTo(probabilities);
    }

    @Test
    void oipGrpc_sameRows_sameAnswersAsTheJavaApi() {
        ManagedChannel channel =
                NettyChannelBuilder.forAddress("127.0.0.1", server.server.grpcPort().getAsInt())
                        .usePlaintext()
                        .build();
        try {
            ModelInferRequest.Builder request =
                    ModelInferRequest.newBuilder().setModelName("adult-income");
            for (Column c : rows.columns()) {
                var t = request.addInputsBuilder().setName(c.name()).addShape(ROWS);
                InferTensorContents.Builder contents = InferTensorContents.newBuilder();
                switch (c) {
                    case DoubleColumn d -> {
                        t.setDatatype("FP64");
                        for (double v : d.values()) {
                            contents.addFp64Contents(v);
                        }
                    }
                    case StringColumn s -> {
                        t.setDatatype("BYTES");
                        for (String v : s.values()) {
                            contents.addBytesContents(
                                    ByteString.copyFrom(v, StandardCharsets.UTF_8));
                        }
                    }
                    default -> throw new IllegalStateException(c.toString());
                }
                t.setContents(contents);
            }
            ModelInferResponse response =
                    GRPCInferenceServiceGrpc.newBlockingStub(channel).modelInfer(request.build());
            List<String> got = new ArrayList<>();
            response.getOutputs(0)
                    .getContents()
                    .getBytesContentsList()
                    .forEach(b -> got.add(b.toStringUtf8()));
            List<Float> p = new ArrayList<>();
            var contents = response.getOutputs(1).getContents();
            if (contents.getFp32ContentsCount() > 0) {
                p.addAll(contents.getFp32ContentsList());
            } else {
                contents.getFp64ContentsList().forEach(v -> p.add((float) (double) v));
            }
            assertThat(got).isEqualTo(labels);
            assertThat(p).isEqualTo(probabilities);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void mlflowInvocations_sameRows_sameAnswersAsTheJavaApi() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode split = body.putObject("dataframe_split");
        ArrayNode columns = split.putArray("columns");
        rows.columns().forEach(c -> columns.add(c.name()));
        ArrayNode data = split.putArray("data");
        for (int r = 0; r < ROWS; r++) {
            ArrayNode row = data.addArray();
            for (Column c : rows.columns()) {
                switch (c) {
                    case DoubleColumn d -> row.add(d.get(r));
                    case StringColumn s -> row.add(s.get(r));
                    default -> throw new IllegalStateException(c.toString());
                }
            }
        }
        JsonNode predictions =
                server.post("/invocations", body.toString()).json().get("predictions");
        List<String> got = new ArrayList<>();
        List<Float> p = new ArrayList<>();
        for (JsonNode record : predictions) {
            got.add(record.get("label").asText());
            record.get("probabilities").forEach(n -> p.add((float) n.asDouble()));
        }
        assertThat(got).isEqualTo(labels);
        assertThat(p).isEqualTo(probabilities);
    }

    private static List<String> strings(StringColumn c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.rows(); i++) {
            out.add(c.get(i));
        }
        return out;
    }

    private static List<Float> floats(Column c) {
        List<Float> out = new ArrayList<>();
        switch (c) {
            case FloatColumn f -> {
                for (float v : f.values()) {
                    out.add(v);
                }
            }
            case DoubleColumn d -> {
                for (double v : d.values()) {
                    out.add((float) v);
                }
            }
            default -> throw new IllegalStateException(c.toString());
        }
        return out;
    }
}
