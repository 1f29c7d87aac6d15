package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;

/** A self-signed certificate for localhost, for TLS tests. */
public final class SelfSigned {

    private SelfSigned() {}

    /** A self-signed certificate for localhost and its key, as PEM files made with keytool. */
    public static Path[] pem(Path dir)
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
        Path cert = pem(dir, "cert.pem", "CERTIFICATE", ks.getCertificate("server").getEncoded());
        Path key = pem(dir, "key.pem", "PRIVATE KEY", ks.getKey("server", password).getEncoded());
        return new Path[] {cert, key};
    }

    private static Path pem(Path dir, String file, String type, byte[] der) throws IOException {
        String body =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der);
        return Files.writeString(
                dir.resolve(file),
                "-----BEGIN %s-----\n%s\n-----END %s-----\n".formatted(type, body, type));
    }
}
