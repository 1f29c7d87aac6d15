package dev.slipway.serve.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Signature;
import dev.slipway.serve.core.Authorizer;
import inference.GrpcPredictV2.ModelMetadataRequest;
import inference.GrpcPredictV2.ModelMetadataResponse;
import inference.GrpcPredictV2.ModelMetadataResponse.TensorMetadata;
import inference.GrpcPredictV2.ModelReadyRequest;
import inference.GrpcPredictV2.ServerLiveRequest;
import inference.GrpcPredictV2.ServerMetadataRequest;
import inference.GrpcPredictV2.ServerMetadataResponse;
import inference.GrpcPredictV2.ServerReadyRequest;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrpcMetadataTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void serverLive_running_isLive() {
        assertThat(server.stub().serverLive(ServerLiveRequest.getDefaultInstance()).getLive())
                .isTrue();
    }

    @Test
    void serverReady_modelsLoaded_isReady() {
        assertThat(server.stub().serverReady(ServerReadyRequest.getDefaultInstance()).getReady())
                .isTrue();
    }

    @Test
    void serverReady_noModelLoaded_isNotReadyButLive() {
        try (TestServer empty =
                TestServer.start(
                        Authorizer.allowAll(),
                        TestServer.local(),
                        InsecureChannelCredentials.create(),
                        false)) {
            assertThat(empty.stub().serverReady(ServerReadyRequest.getDefaultInstance()).getReady())
                    .isFalse();
            assertThat(empty.stub().serverLive(ServerLiveRequest.getDefaultInstance()).getLive())
                    .isTrue();
        }
    }

    @Test
    void modelReady_servedModel_isReady() {
        assertThat(server.stub().modelReady(ready("adult-income", "")).getReady()).isTrue();
        assertThat(server.stub().modelReady(ready("adult-income", "1")).getReady()).isTrue();
    }

    @Test
    void modelReady_versionNotServed_isNotFoundNamingTheServedOne() {
        assertThatThrownBy(() -> server.stub().modelReady(ready("adult-income", "2")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                            assertThat(e.getStatus().getDescription()).contains("version 1 is");
                        });
    }

    @Test
    void modelReady_unknownModel_isNotFound() {
        assertThatThrownBy(() -> server.stub().modelReady(ready("nope", "")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                            assertThat(e.getStatus().getDescription()).contains("'nope'");
                        });
    }

    @Test
    void modelReady_versionNotANumber_isInvalidArgument() {
        assertThatThrownBy(() -> server.stub().modelReady(ready("adult-income", "latest")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode())
                                    .isEqualTo(Status.Code.INVALID_ARGUMENT);
                            assertThat(e.getStatus().getDescription()).contains("'latest'");
                        });
    }

    @Test
    void serverMetadata_always_namesSlipwayAndItsExtensions() {
        ServerMetadataResponse m =
                server.stub().serverMetadata(ServerMetadataRequest.getDefaultInstance());
        assertThat(m.getName()).isEqualTo("slipway");
        assertThat(m.getVersion()).isEqualTo("dev");
        assertThat(m.getExtensionsList()).contains("model_repository");
    }

    @Test
    void modelMetadata_adult_describesTheSignature() {
        ModelMetadataResponse m = server.stub().modelMetadata(metadata("adult-income", ""));
        Signature s = server.core.model("adult-income").signature().orElseThrow();
        assertThat(m.getName()).isEqualTo("adult-income");
        assertThat(m.getVersionsList()).containsExactly("1");
        assertThat(m.getPlatform()).isEqualTo("xgboost");
        assertThat(m.getInputsList()).isEqualTo(expected(s.inputs()));
        assertThat(m.getOutputsList()).isEqualTo(expected(s.outputs()));
        assertThat(m.getInputsList())
                .contains(tensor("age", "FP64", -1), tensor("workclass", "BYTES", -1));
        assertThat(m.getOutputsList()).contains(tensor("label", "BYTES", -1));
        assertThat(m.getOutputs(m.getOutputsCount() - 1).getShapeList()).containsExactly(-1L, 2L);
    }

    @Test
    void modelMetadata_onnxIris_hasItsTwoDimensionalInput() {
        ModelMetadataResponse m = server.stub().modelMetadata(metadata("iris", "1"));
        assertThat(m.getPlatform()).isEqualTo("onnx");
        assertThat(m.getInputsList()).containsExactly(tensor("float_input", "FP32", -1, 4));
    }

    @Test
    void modelMetadata_versionNotServed_isNotFoundNamingTheServedOne() {
        assertThatThrownBy(() -> server.stub().modelMetadata(metadata("adult-income", "2")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                            assertThat(e.getStatus().getDescription()).contains("version 1 is");
                        });
    }

    @Test
    void modelMetadata_unknownModel_isNotFound() {
        assertThatThrownBy(() -> server.stub().modelMetadata(metadata("nope", "")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    private static List<TensorMetadata> expected(List<ColumnSpec> specs) {
        return specs.stream()
                .map(
                        c ->
                                c.width() == 1
                                        ? tensor(c.name(), c.dtype().protocolName(), -1)
                                        : tensor(c.name(), c.dtype().protocolName(), -1, c.width()))
                .toList();
    }

    private static TensorMetadata tensor(String name, String datatype, long... shape) {
        TensorMetadata.Builder t = TensorMetadata.newBuilder().setName(name).setDatatype(datatype);
        for (long d : shape) {
            t.addShape(d);
        }
        return t.build();
    }

    private static ModelReadyRequest ready(String name, String version) {
        return ModelReadyRequest.newBuilder().setName(name).setVersion(version).build();
    }

    private static ModelMetadataRequest metadata(String name, String version) {
        return ModelMetadataRequest.newBuilder().setName(name).setVersion(version).build();
    }
}
