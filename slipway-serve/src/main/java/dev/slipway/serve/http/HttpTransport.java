package dev.slipway.serve.http;

import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.serve.core.Authorizer;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.core.Protocol;
import dev.slipway.serve.metrics.ServeMetrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the server, on Vert.x: the Open Inference Protocol's REST endpoints, MLflow's
 * scoring protocol, the management API under {@code /api/v1}, Prometheus {@code /metrics}. Every
 * response carries {@code X-Request-Id}; every request is written to the access log.
 *
 * <p>Thread-safe. {@link #close()} stops accepting connections and waits for in-flight requests.
 */
public final class HttpTransport implements AutoCloseable {

    private static final String START = "slipway.start";

    private final Vertx vertx;
    private final int port;
    private final Optional<AccessLog> accessLog;
    private final AtomicInteger inFlight;

    private HttpTransport(
            Vertx vertx, int port, Optional<AccessLog> accessLog, AtomicInteger inFlight) {
        this.vertx = vertx;
        this.port = port;
        this.accessLog = accessLog;
        this.inFlight = inFlight;
    }

    /**
     * Starts listening, without the routes that read a Slipway home (monitoring, runs, datasets).
     *
     * @param accessLogFile where to append the access log; empty for none
     */
    public static HttpTransport start(
            Gateway gateway,
            ModelRegistry registry,
            HttpOptions options,
            Authorizer authorizer,
            ServeMetrics metrics,
            ServerInfo info,
            Optional<java.nio.file.Path> accessLogFile,
            Clock clock) {
        return start(
                gateway,
                registry,
                options,
                authorizer,
                metrics,
                info,
                accessLogFile,
                clock,
                Optional.empty());
    }

    /**
     * Starts listening.
     *
     * @param accessLogFile where to append the access log; empty for none
     * @param home what the monitoring, runs and datasets routes read; empty for none of them
     */
    public static HttpTransport start(
            Gateway gateway,
            ModelRegistry registry,
            HttpOptions options,
            Authorizer authorizer,
            ServeMetrics metrics,
            ServerInfo info,
            Optional<java.nio.file.Path> accessLogFile,
            Clock clock,
            Optional<HomeApi> home) {
        Vertx vertx =
                Vertx.vertx(
                        new VertxOptions()
                                .setEventLoopPoolSize(options.eventLoops())
                                .setWorkerPoolSize(4)
                                .setPreferNativeTransport(true));
        Web web =
                new Web(
                        vertx,
                        gateway,
                        registry,
                        new Json(options.maxJsonDepth()),
                        authorizer,
                        metrics,
                        options,
                        info);
        Optional<AccessLog> log = accessLogFile.map(AccessLog::toFile);
        RequestIds ids = new RequestIds(gateway::newRequestId);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger bound = new AtomicInteger();
        try {
            vertx.deployVerticle(
                            () -> new HttpVerticle(web, ids, log, clock, inFlight, bound, home),
                            new DeploymentOptions().setInstances(options.eventLoops()))
                    .await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            log.ifPresent(AccessLog::close);
            Throwable cause =
                    e.getCause() != null && !(e instanceof java.util.concurrent.TimeoutException)
                            ? e.getCause()
                            : e;
            throw new dev.slipway.api.UnavailableException(
                    "cannot listen on %s:%d: %s; choose another --port or stop what uses it"
                            .formatted(options.host(), options.port(), cause.getMessage()),
                    java.time.Duration.ofSeconds(1));
        }
        return new HttpTransport(vertx, bound.get(), log, inFlight);
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** The request's call record, for the gateway. */
    static Call call(RoutingContext ctx, Protocol protocol) {
        Long t0 = ctx.get(START);
        return new Call(RequestIds.of(ctx), protocol, t0 == null ? System.nanoTime() : t0);
    }

    /** The reference {@code load} follows when none is given: the champion alias, else latest. */
    static ModelRef defaultRef(Web web, String name) {
        boolean champion =
                web.registry().versions(name).stream()
                        .anyMatch(v -> v.aliases().contains("champion"));
        return champion ? new ModelRef.Alias(name, "champion") : new ModelRef.Latest(name);
    }

    /** Stops accepting connections, waits up to {@code grace} for in-flight requests, closes. */
    public void close(java.time.Duration grace) {
        CountDownLatch stopped = new CountDownLatch(1);
        // Undeploying closes the listening sockets; requests in progress keep their connections.
        long until = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        vertx.close().onComplete(ar -> stopped.countDown());
        try {
            stopped.await(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        accessLog.ifPresent(AccessLog::close);
    }

    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(30));
    }

    /** One event loop's server and router; the instances share the port. */
    private static final class HttpVerticle extends VerticleBase {

        private final Web web;
        private final RequestIds ids;
        private final Optional<AccessLog> log;
        private final Clock clock;
        private final AtomicInteger inFlight;
        private final AtomicInteger bound;
        private final Optional<HomeApi> home;

        HttpVerticle(
                Web web,
                RequestIds ids,
                Optional<AccessLog> log,
                Clock clock,
                AtomicInteger inFlight,
                AtomicInteger bound,
                Optional<HomeApi> home) {
            this.web = web;
            this.ids = ids;
            this.log = log;
            this.clock = clock;
            this.inFlight = inFlight;
            this.bound = bound;
            this.home = home;
        }

        @Override
        public Future<?> start() {
            HttpOptions o = web.options();
            HttpServerOptions so =
                    new HttpServerOptions()
                            .setHost(o.host())
                            .setPort(o.port())
                            .setMaxHeaderSize(o.maxHeaderBytes())
                            .setMaxInitialLineLength(16_384)
                            .setCompressionSupported(false)
                            .setTcpNoDelay(true);
            if (o.tls()) {
                so.setSsl(true)
                        .setKeyCertOptions(
                                new PemKeyCertOptions()
                                        .setCertPath(o.tlsCert().orElseThrow().toString())
                                        .setKeyPath(o.tlsKey().orElseThrow().toString()));
            }
            Router router = router();
            HttpServer server = vertx.createHttpServer(so).requestHandler(router);
            Promise<Void> done = Promise.promise();
            // A negative port shares one random free port between the event loops' servers.
            server.listen(o.port() == 0 ? -1 : o.port())
                    .onSuccess(
                            s -> {
                                bound.set(s.actualPort());
                                done.complete();
                            })
                    .onFailure(done::fail);
            return done.future();
        }

        private Router router() {
            Router router = Router.router(vertx);
            router.route().handler(this::begin);
            router.route()
                    .handler(BodyHandler.create(false).setBodyLimit(web.options().maxBodyBytes()));
            new OipRoutes(web).mount(router);
            Routes.mountOthers(router, web, home);
            router.get("/metrics")
                    .handler(
                            ctx ->
                                    ctx.response()
                                            .putHeader(
                                                    "Content-Type",
                                                    "text/plain; version=0.0.4; charset=utf-8")
                                            .end(web.metrics().scrape()));
            router.errorHandler(
                    404,
                    ctx ->
                            send(
                                    ctx,
                                    new HttpFailure(
                                            404,
                                            "no route %s %s; see /v2 (Open Inference Protocol), /invocations (MLflow), /api/v1 (management)"
                                                    .formatted(
                                                            ctx.request().method(),
                                                            ctx.request().path()))));
            router.errorHandler(
                    405,
                    ctx ->
                            send(
                                    ctx,
                                    new HttpFailure(
                                            405,
                                            "method %s is not allowed on %s"
                                                    .formatted(
                                                            ctx.request().method(),
                                                            ctx.request().path()))));
            router.route().failureHandler(this::failure);
            return router;
        }

        private void begin(RoutingContext ctx) {
            long t0 = System.nanoTime();
            ctx.put(START, t0);
            String id = ids.assign(ctx);
            inFlight.incrementAndGet();
            ctx.addEndHandler(
                    ar -> {
                        inFlight.decrementAndGet();
                        if (log.isPresent()) {
                            var req = ctx.request();
                            log.get()
                                    .log(
                                            clock.instant(),
                                            id,
                                            req.remoteAddress() == null
                                                    ? "-"
                                                    : req.remoteAddress().hostAddress(),
                                            req.method().name(),
                                            req.path(),
                                            ctx.response().getStatusCode(),
                                            System.nanoTime() - t0);
                        }
                    });
            ctx.next();
        }

        private void failure(RoutingContext ctx) {
            Throwable e = ctx.failure();
            if (e == null) {
                int status = ctx.statusCode();
                e =
                        new HttpFailure(
                                status,
                                switch (status) {
                                    case 413 ->
                                            "the request body is larger than %d bytes; send fewer rows per request"
                                                    .formatted(web.options().maxBodyBytes());
                                    case 405 ->
                                            "method %s is not allowed on %s"
                                                    .formatted(
                                                            ctx.request().method(),
                                                            ctx.request().path());
                                    default -> "request failed with status " + status;
                                });
            }
            send(ctx, e);
        }

        private void send(RoutingContext ctx, Throwable e) {
            Errors.Style style =
                    Routes.isMlflow(ctx.request().path()) ? Errors.Style.MLFLOW : Errors.Style.OIP;
            Errors.send(ctx.response(), web.json(), style, e, RequestIds.of(ctx));
        }
    }
}
