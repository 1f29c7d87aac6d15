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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpcTlsTest {

    @TempDir static Path dir;

    private static Path[] pem;

    @BeforeAll
    static void certificate() throws Exception {
        pem = selfSigned();
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

    /** A self-signed certificate for localhost and its key, as PEM files made with keytool. */
    private static Path[] selfSigned()
            throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve("server.p12");
        char[] password = "changeit".toCharArray();
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "server",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=dns:localhost,ip:127.0.0.1",
                                "-validity",
                                "1",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                store.toString(),
                                "-storepass",
                                "changeit")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("keytool: %s", output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password);
        }
        Path cert = pem("cert.pem", "CERTIFICATE", ks.getCertificate("server").getEncoded());
        Path key = pem("key.pem", "PRIVATE KEY", ks.getKey("server", password).getEncoded());
        return new Path[] {cert, key};
    }

    private static Path pem(String file, String type, byte[] der) throws IOException {
        String body =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der);
        return Files.writeString(
                dir.resolve(file),
                "-----BEGIN %s-----\n%s\n-----END %s-----\n".formatted(type, body, type));
    }
}
