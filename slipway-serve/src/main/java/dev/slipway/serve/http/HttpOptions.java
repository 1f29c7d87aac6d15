package dev.slipway.serve.http;

import dev.slipway.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP transport listens and what it accepts.
 *
 * @param host the address to bind
 * @param port the port; 0 picks a free one
 * @param tlsCert a PEM certificate chain; with {@code tlsKey}, the server speaks HTTPS only
 * @param tlsKey the PEM private key of {@code tlsCert}
 * @param maxBodyBytes larger request bodies get 413
 * @param maxHeaderBytes larger request headers get 431
 * @param maxJsonDepth more deeply nested JSON gets 400
 * @param eventLoops threads answering HTTP
 * @param mlflowModel the model {@code POST /invocations} serves; empty: the only one served
 */
public record HttpOptions(
        String host,
        int port,
        Optional<Path> tlsCert,
        Optional<Path> tlsKey,
        int maxBodyBytes,
        int maxHeaderBytes,
        int maxJsonDepth,
        int eventLoops,
        Optional<String> mlflowModel) {

    public HttpOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsCert, "tlsCert");
        Objects.requireNonNull(tlsKey, "tlsKey");
        Objects.requireNonNull(mlflowModel, "mlflowModel");
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            throw InvalidInputException.of(
                    "--tls-cert",
                    "TLS needs both a certificate and its key: give --tls-cert and --tls-key together");
        }
        if (port < 0
                || port > 65535
                || maxBodyBytes < 1
                || maxHeaderBytes < 1024
                || maxJsonDepth < 2
                || eventLoops < 1) {
            throw InvalidInputException.of(
                    "http options",
                    "invalid HTTP limits: port %d, body %d bytes, header %d bytes, JSON depth %d, event loops %d"
                            .formatted(
                                    port, maxBodyBytes, maxHeaderBytes, maxJsonDepth, eventLoops));
        }
    }

    /**
     * Port 8080 on 127.0.0.1, no TLS, bodies up to 64 MiB, headers up to 16 KiB, JSON nested up to
     * 64 levels, one event loop per core.
     */
    public static HttpOptions defaults() {
        return new HttpOptions(
                "127.0.0.1",
                8080,
                Optional.empty(),
                Optional.empty(),
                64 << 20,
                16 << 10,
                64,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Optional.empty());
    }

    /** The same options on another host and port. */
    public HttpOptions withAddress(String newHost, int newPort) {
        return new HttpOptions(
                newHost,
                newPort,
                tlsCert,
                tlsKey,
                maxBodyBytes,
                maxHeaderBytes,
                maxJsonDepth,
                eventLoops,
                mlflowModel);
    }

    /** The same options with TLS from a PEM certificate and key. */
    public HttpOptions withTls(Path cert, Path key) {
        return new HttpOptions(
                host,
                port,
                Optional.of(cert),
                Optional.of(key),
                maxBodyBytes,
                maxHeaderBytes,
                maxJsonDepth,
                eventLoops,
                mlflowModel);
    }

    /** The same options with another body limit. */
    public HttpOptions withMaxBodyBytes(int value) {
        return new HttpOptions(
                host,
                port,
                tlsCert,
                tlsKey,
                value,
                maxHeaderBytes,
                maxJsonDepth,
                eventLoops,
                mlflowModel);
    }

    /** The same options with another event loop count. */
    public HttpOptions withEventLoops(int value) {
        return new HttpOptions(
                host,
                port,
                tlsCert,
                tlsKey,
                maxBodyBytes,
                maxHeaderBytes,
                maxJsonDepth,
                value,
                mlflowModel);
    }

    /** The same options with the model {@code /invocations} serves. */
    public HttpOptions withMlflowModel(Optional<String> value) {
        return new HttpOptions(
                host,
                port,
                tlsCert,
                tlsKey,
                maxBodyBytes,
                maxHeaderBytes,
                maxJsonDepth,
                eventLoops,
                value);
    }

    /** Whether the server speaks HTTPS. */
    public boolean tls() {
        return tlsCert.isPresent();
    }
}
