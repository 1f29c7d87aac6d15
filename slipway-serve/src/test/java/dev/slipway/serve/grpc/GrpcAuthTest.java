package dev.slipway.serve.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.serve.core.Authorizer;
import inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import inference.GrpcPredictV2.ModelMetadataRequest;
import inference.GrpcPredictV2.ServerLiveRequest;
import inference.GrpcPredictV2.ServerReadyRequest;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrpcAuthTest {

    /** Knows token {@code good} (may predict) and {@code weak} (may not). */
    private static final Authorizer TOKENS =
            new Authorizer() {
                @Override
                public void check(Optional<String> bearerToken, Need need) {
                    if (bearerToken.isEmpty()) {
                        throw Authorizer.denied(false, "no token; send authorization: Bearer");
                    }
                    switch (bearerToken.get()) {
                        case "good" -> {}
                        case "weak" -> throw Authorizer.denied(true, "the token may not predict");
                        default -> throw Authorizer.denied(false, "unknown token");
                    }
                }

                @Override
                public boolean required() {
                    return true;
                }
            };

    private static TestServer server;

    @BeforeAll
    static void start() {
        server =
                TestServer.start(
                        TOKENS, TestServer.local(), InsecureChannelCredentials.create(), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void modelInfer_noToken_isUnauthenticated() {
        assertThatThrownBy(
                        () ->
                                server.stub()
                                        .modelInfer(
                                                Tensors.typed("adult-income", AdultTable.first(1))
                                                        .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode())
                                    .isEqualTo(Status.Code.UNAUTHENTICATED);
                            assertThat(e.getStatus().getDescription()).contains("no token");
                        });
    }

    @Test
    void modelMetadata_unknownToken_isUnauthenticated() {
        assertThatThrownBy(() -> as("Bearer nope").modelMetadata(metadata()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e ->
                                assertThat(e.getStatus().getCode())
                                        .isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void modelMetadata_tokenWithoutTheScope_isPermissionDenied() {
        assertThatThrownBy(() -> as("Bearer weak").modelMetadata(metadata()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode())
                                    .isEqualTo(Status.Code.PERMISSION_DENIED);
                            assertThat(e.getStatus().getDescription()).contains("may not predict");
                        });
    }

    @Test
    void modelInfer_goodToken_answers() {
        assertThat(
                        as("bearer good")
                                .modelInfer(
                                        Tensors.typed("adult-income", AdultTable.first(2)).build())
                                .getOutputsCount())
                .isEqualTo(2);
    }

    @Test
    void health_noToken_staysOpen() {
        assertThat(server.stub().serverLive(ServerLiveRequest.getDefaultInstance()).getLive())
                .isTrue();
        assertThat(server.stub().serverReady(ServerReadyRequest.getDefaultInstance()).getReady())
                .isTrue();
    }

    private static GRPCInferenceServiceBlockingStub as(String authorization) {
        Metadata m = new Metadata();
        m.put(BearerAuth.AUTHORIZATION, authorization);
        return server.stub(MetadataUtils.newAttachHeadersInterceptor(m));
    }

    private static ModelMetadataRequest metadata() {
        return ModelMetadataRequest.newBuilder().setName("adult-income").build();
    }
}
