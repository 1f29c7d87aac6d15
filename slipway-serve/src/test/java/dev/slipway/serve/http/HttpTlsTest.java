package dev.slipway.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.serve.SelfSigned;
import dev.slipway.serve.ServeHome;
import dev.slipway.serve.SlipwayServer;
import dev.slipway.serve.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a given certificate and key. */
class HttpTlsTest {

    @TempDir Path dir;

    @Test
    void live_clientTrustingTheCertificate_answersOverHttps() throws Exception {
        Path[] pem = SelfSigned.pem(dir);
        try (ServeHome home = ServeHome.copy();
                SlipwayServer server =
                        SlipwayServer.start(
                                home.home(),
                                home.registry(),
                                TestServer.config()
                                        .withGrpc(java.util.Optional.empty())
                                        .withHttp(
                                                TestServer.config()
                                                        .http()
                                                        .withAddress("127.0.0.1", 0)
                                                        .withTls(pem[0], pem[1])),
                                Clock.systemUTC())) {
            URI uri = URI.create("https://localhost:" + server.httpPort() + "/v2/health/live");
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(pem[0])).build();
            HttpResponse<String> r =
                    trusting.send(
                            HttpRequest.newBuilder(uri).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"live\":true");
            HttpClient plain = HttpClient.newHttpClient();
            URI http = URI.create("http://localhost:" + server.httpPort() + "/v2/health/live");
            assertThatThrownBy(
                            () ->
                                    plain.send(
                                            HttpRequest.newBuilder(http).build(),
                                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            ks.setCertificateEntry(
                    "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
