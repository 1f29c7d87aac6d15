package dev.slipway.serve.grpc;

import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.serve.core.Authorizer;
import dev.slipway.serve.core.Gateway;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Open Inference Protocol over gRPC ({@code inference.GRPCInferenceService}), served from a
 * {@link Gateway}: health, server and model metadata, and inference with tensors in typed or raw
 * contents. Calls other than the health probes need what the {@link Authorizer} asks for ({@code
 * authorization: Bearer <token>} metadata). Every call answers {@code x-request-id} metadata.
 *
 * <p>Thread-safe. {@link #close()} stops taking calls and lets those in flight finish, for at most
 * the core's request timeout.
 */
public final class GrpcTransport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("slipway.serve.grpc");

    private final Server server;
    private final InferenceService service;
    private final Duration grace;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GrpcTransport(Server server, InferenceService service, Duration grace) {
        this.server = server;
        this.service = service;
        this.grace = grace;
    }

    /**
     * Starts listening as {@code options} say, naming the version of the {@code slipway-serve}
     * package (or {@code dev}) in server metadata.
     *
     * @throws InvalidInputException when the TLS certificate or key cannot be used
     * @throws ConflictException when the address cannot be bound (e.g. the port is in use)
     */
    public static GrpcTransport start(Gateway gateway, GrpcOptions options, Authorizer authorizer) {
        String v = GrpcTransport.class.getPackage().getImplementationVersion();
        return start(gateway, options, authorizer, v == null || v.isBlank() ? "dev" : v);
    }

    /**
     * Starts listening as {@code options} say, naming {@code serverVersion} in server metadata.
     *
     * @throws InvalidInputException when the TLS certificate or key cannot be used
     * @throws ConflictException when the address cannot be bound (e.g. the port is in use)
     */
    public static GrpcTransport start(
            Gateway gateway, GrpcOptions options, Authorizer authorizer, String serverVersion) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(serverVersion, "serverVersion");
        ServerCredentials credentials = credentials(options);
        InferenceService service = new InferenceService(gateway, serverVersion);
        Server server;
        try {
            server =
                    NettyServerBuilder.forAddress(
                                    new InetSocketAddress(options.host(), options.port()),
                                    credentials)
                            // Every method answers without blocking (inference waits on the
                            // model's queue, not on this thread): no hand-off per call.
                            .directExecutor()
                            .maxInboundMessageSize(options.maxMessageBytes())
                            .permitKeepAliveTime(10, TimeUnit.SECONDS)
                            .permitKeepAliveWithoutCalls(true)
                            .addService(
                                    ServerInterceptors.intercept(
                                            service, new BearerAuth(authorizer), new RequestIds()))
                            .build();
        } catch (IllegalArgumentException e) {
            throw tlsRefused(options, e);
        }
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            server.shutdownNow();
            throw new ConflictException(
                    "cannot listen for gRPC on %s:%d: %s; choose a free port or stop what uses it"
                            .formatted(options.host(), options.port(), e.getMessage()));
        }
        GrpcTransport t = new GrpcTransport(server, service, gateway.core().options().timeout());
        LOG.log(
                System.Logger.Level.INFO,
                "Open Inference Protocol gRPC on %s:%d%s"
                        .formatted(options.host(), t.port(), options.tls() ? " (TLS)" : ""));
        return t;
    }

    private static ServerCredentials credentials(GrpcOptions options) {
        if (!options.tls()) {
            return InsecureServerCredentials.create();
        }
        Path cert = options.tlsCert().orElseThrow();
        Path key = options.tlsKey().orElseThrow();
        try {
            return TlsServerCredentials.create(cert.toFile(), key.toFile());
        } catch (IOException | RuntimeException e) {
            throw tlsRefused(options, e);
        }
    }

    private static InvalidInputException tlsRefused(GrpcOptions options, Exception e) {
        return InvalidInputException.of(
                "grpc tls",
                "cannot use TLS certificate %s with key %s: %s; give a PEM certificate chain and its PEM (PKCS#8) private key"
                        .formatted(
                                options.tlsCert().map(Path::toString).orElse("(none)"),
                                options.tlsKey().map(Path::toString).orElse("(none)"),
                                e.getCause() == null
                                        ? e.getMessage()
                                        : e.getMessage() + ": " + e.getCause().getMessage()),
                e);
    }

    /** The port the transport listens on (the one picked when the options said 0). */
    public int port() {
        return server.getPort();
    }

    /**
     * Stops taking calls, waits for those in flight (at most the core's request timeout), then cuts
     * off what is left. Idempotent.
     */
    @Override
    public void close() {
        close(grace);
    }

    /**
     * Stops taking calls, waits for those in flight at most {@code wait}, then cuts off what is
     * left. Idempotent.
     */
    public void close(Duration wait) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        service.stopping();
        server.shutdown();
        try {
            if (!server.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
