package dev.slipway.serve.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.serve.core.Authorizer;
import inference.GRPCInferenceServiceGrpc;
import inference.GrpcPredictV2.ServerLiveRequest;
import inference.GrpcPredictV2.ServerMetadataRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrpcTransportTest {

    @Test
    void start_portZero_listensOnAFreePort() {
        try (TestServer server = idle()) {
            assertThat(server.transport.port()).isPositive();
            assertThat(server.stub().serverLive(ServerLiveRequest.getDefaultInstance()).getLive())
                    .isTrue();
        }
    }

    @Test
    void start_portInUse_isAConflictNamingThePort() {
        try (TestServer server = idle()) {
            int port = server.transport.port();
            assertThatThrownBy(
                            () ->
                                    GrpcTransport.start(
                                            server.gateway,
                                            TestServer.local().withAddress("127.0.0.1", port),
                                            Authorizer.allowAll()))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void close_afterwards_callsAreRefused() {
        try (TestServer server = idle()) {
            server.transport.close();
            assertThatThrownBy(
                            () -> server.stub().serverLive(ServerLiveRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e ->
                                    assertThat(e.getStatus().getCode())
                                            .isEqualTo(Status.Code.UNAVAILABLE));
        }
    }

    @Test
    void serverMetadata_versionGiven_isTheOneAnswered() {
        try (TestServer server = idle();
                GrpcTransport other =
                        GrpcTransport.start(
                                server.gateway,
                                TestServer.local(),
                                Authorizer.allowAll(),
                                "1.2.3")) {
            ManagedChannel channel =
                    Grpc.newChannelBuilderForAddress(
                                    "127.0.0.1", other.port(), InsecureChannelCredentials.create())
                            .build();
            try {
                assertThat(
                                GRPCInferenceServiceGrpc.newBlockingStub(channel)
                                        .serverMetadata(ServerMetadataRequest.getDefaultInstance())
                                        .getVersion())
                        .isEqualTo("1.2.3");
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void close_twice_isHarmless() {
        try (TestServer server = idle()) {
            server.transport.close(Duration.ZERO);
            server.transport.close();
            assertThatThrownBy(
                            () -> server.stub().serverLive(ServerLiveRequest.getDefaultInstance()))
                    .isInstanceOf(StatusRuntimeException.class);
        }
    }

    @Test
    void options_certificateWithoutKey_isRefused() {
        assertThatThrownBy(
                        () ->
                                new GrpcOptions(
                                        "0.0.0.0",
                                        8081,
                                        Optional.of(Path.of("cert.pem")),
                                        Optional.empty(),
                                        GrpcOptions.DEFAULT_MAX_MESSAGE_BYTES))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only the certificate was given");
    }

    @Test
    void options_portOutOfRange_isRefused() {
        assertThatThrownBy(() -> GrpcOptions.defaults().withAddress("0.0.0.0", 70_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("70000");
    }

    private static TestServer idle() {
        return TestServer.start(
                Authorizer.allowAll(),
                TestServer.local(),
                InsecureChannelCredentials.create(),
                false);
    }
}
