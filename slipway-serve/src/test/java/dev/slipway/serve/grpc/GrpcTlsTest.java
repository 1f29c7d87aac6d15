package dev.slipway.serve.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.serve.core.Authorizer;
import inference.GrpcPredictV2.ServerLiveRequest;
import inference.GrpcPredictV2.ServerMetadataRequest;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpcTlsTest {

    @TempDir static Path dir;

    private static Path[] pem;

    @BeforeAll
    static void certificate() throws Exception {
        pem = dev.slipway.serve.SelfSigned.pem(dir);
    }

    @Test
    void serverLive_clientTrustingTheCertificate_answersOverTls() throws IOException {
        try (TestServer server =
                TestServer.start(
                        Authorizer.allowAll(),
                        TestServer.local().withTls(pem[0], pem[1]),
                        TlsChannelCredentials.newBuilder().trustManager(pem[0].toFile()).build(),
                        false)) {
            assertThat(server.stub().serverLive(ServerLiveRequest.getDefaultInstance()).getLive())
                    .isTrue();
            assertThat(
                            server.stub()
                                    .serverMetadata(ServerMetadataRequest.getDefaultInstance())
                                    .getName())
                    .isEqualTo("slipway");
        }
    }

    @Test
    void serverLive_plaintextClient_cannotConnect() {
        try (TestServer server =
                TestServer.start(
                        Authorizer.allowAll(),
                        TestServer.local().withTls(pem[0], pem[1]),
                        InsecureChannelCredentials.create(),
                        false)) {
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
    void start_keyThatIsNotPem_isRefusedNamingTheFiles() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.key"), "not a key");
        assertThatThrownBy(
                        () ->
                                TestServer.start(
                                        Authorizer.allowAll(),
                                        TestServer.local().withTls(pem[0], bad),
                                        InsecureChannelCredentials.create(),
                                        false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.key")
                .hasMessageContaining("PEM");
    }
}
