package dev.slipway.serve.grpc;

import dev.slipway.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the gRPC transport listens.
 *
 * @param host the address to bind ({@code 0.0.0.0} for every interface)
 * @param port the port; 0 picks a free one ({@link GrpcTransport#port()} tells which)
 * @param tlsCert the PEM certificate chain, when the transport speaks TLS
 * @param tlsKey the PEM (PKCS#8) private key of {@code tlsCert}
 * @param maxMessageBytes the largest request message accepted
 */
public record GrpcOptions(
        String host, int port, Optional<Path> tlsCert, Optional<Path> tlsKey, int maxMessageBytes) {

    /** The port KServe and MLServer use for gRPC. */
    public static final int DEFAULT_PORT = 8081;

    /** The default largest request: 64 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    public GrpcOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsCert, "tlsCert");
        Objects.requireNonNull(tlsKey, "tlsKey");
        if (host.isBlank()) {
            throw InvalidInputException.of(
                    "grpc host", "the gRPC host is empty; give an address such as 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw InvalidInputException.of(
                    "grpc port",
                    "gRPC port %d is out of range; use 0 to 65535 (0 picks a free port)"
                            .formatted(port));
        }
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            throw InvalidInputException.of(
                    "grpc tls",
                    "TLS needs both a certificate and its private key, but only the %s was given"
                            .formatted(tlsCert.isPresent() ? "certificate" : "key"));
        }
        if (maxMessageBytes < 1) {
            throw InvalidInputException.of(
                    "grpc max message",
                    "the largest gRPC message must be at least 1 byte, got %d"
                            .formatted(maxMessageBytes));
        }
    }

    /** Every interface, port {@value #DEFAULT_PORT}, no TLS, 64 MiB messages. */
    public static GrpcOptions defaults() {
        return new GrpcOptions(
                "0.0.0.0",
                DEFAULT_PORT,
                Optional.empty(),
                Optional.empty(),
                DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** The same options on another host and port. */
    public GrpcOptions withAddress(String newHost, int newPort) {
        return new GrpcOptions(newHost, newPort, tlsCert, tlsKey, maxMessageBytes);
    }

    /** The same options speaking TLS with a PEM certificate chain and private key. */
    public GrpcOptions withTls(Path cert, Path key) {
        return new GrpcOptions(host, port, Optional.of(cert), Optional.of(key), maxMessageBytes);
    }

    /** The same options with another largest request size. */
    public GrpcOptions withMaxMessageBytes(int bytes) {
        return new GrpcOptions(host, port, tlsCert, tlsKey, bytes);
    }

    /** Whether the transport speaks TLS. */
    public boolean tls() {
        return tlsCert.isPresent();
    }
}
