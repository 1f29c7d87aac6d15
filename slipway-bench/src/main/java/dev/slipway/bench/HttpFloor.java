package dev.slipway.bench;

import inference.GRPCInferenceServiceGrpc;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferResponse;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP floor of the serving benchmark: the server's own stack (Vert.x 5 with the same event
 * loops and server options, a vertx-web router with the same body handler) answering each POST
 * route with a constant body, the bytes the real server answered to the same request, without
 * touching a model; and the gRPC floor beside it (grpc-java on Netty with the server's executor, a
 * cached thread pool), answering {@code ModelInfer} with a constant response after decoding the
 * request, plus the same gRPC floor with a direct executor (calls on Netty's event loop) for
 * comparison.
 *
 * <p>Started by {@link ServeBenchmark} (pinned to core 0 like the server) as {@code java -cp ...
 * dev.slipway.bench.HttpFloor HTTP_PORT GRPC_PORT GRPC_DIRECT_PORT EVENT_LOOPS|auto
 * GRPC_RESPONSE_FILE PATH=BODY_FILE...}; prints {@code READY} once all listen. {@code auto} event
 * loops are one per core the process may use, as the server's default (1 when pinned).
 */
public final class HttpFloor {

    private HttpFloor() {}

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int grpcPort = Integer.parseInt(args[1]);
        int grpcDirectPort = Integer.parseInt(args[2]);
        int eventLoops =
                args[3].equals("auto")
                        ? Runtime.getRuntime().availableProcessors()
                        : Integer.parseInt(args[3]);
        ModelInferResponse grpcAnswer =
                ModelInferResponse.parseFrom(Files.readAllBytes(Path.of(args[4])));
        Map<String, Buffer> routes = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            routes.put(kv[0], Buffer.buffer(Files.readAllBytes(Path.of(kv[1]))));
        }
        Vertx vertx =
                Vertx.vertx(
                        new VertxOptions()
                                .setEventLoopPoolSize(eventLoops)
                                .setWorkerPoolSize(4)
                                .setPreferNativeTransport(true));
        vertx.deployVerticle(
                        () -> new Floor(routes, httpPort),
                        new DeploymentOptions().setInstances(eventLoops))
                .await(60, TimeUnit.SECONDS);
        // The server's setup: calls run on a cached thread pool, handed over from Netty's loop.
        Server grpc =
                grpcServer(grpcPort, grpcAnswer)
                        .executor(
                                Executors.newCachedThreadPool(
                                        Thread.ofPlatform()
                                                .name("floor-grpc-", 0)
                                                .daemon()
                                                .factory()))
                        .build()
                        .start();
        // For comparison: calls run on Netty's loop itself, with no hand-over.
        Server direct = grpcServer(grpcDirectPort, grpcAnswer).directExecutor().build().start();
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
        grpc.shutdownNow();
        direct.shutdownNow();
    }

    private static NettyServerBuilder grpcServer(int port, ModelInferResponse answer) {
        return NettyServerBuilder.forAddress(
                        new InetSocketAddress("127.0.0.1", port),
                        InsecureServerCredentials.create())
                .maxInboundMessageSize(256 << 20)
                .addService(new GrpcFloor(answer));
    }

    private static final class Floor extends io.vertx.core.VerticleBase {

        private final Map<String, Buffer> routes;
        private final int port;

        Floor(Map<String, Buffer> routes, int port) {
            this.routes = routes;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            Router router = Router.router(vertx);
            router.route().handler(BodyHandler.create(false).setBodyLimit(256L << 20));
            // A fixed request id as long as the server's (8 hex digits, a dash, a hex counter),
            // so that the headers weigh about the same.
            String id = "0a1b2c3d-1f4a2";
            routes.forEach(
                    (path, body) ->
                            router.post(path)
                                    .handler(
                                            ctx ->
                                                    ctx.response()
                                                            .putHeader(
                                                                    "Content-Type",
                                                                    "application/json")
                                                            .putHeader("X-Request-Id", id)
                                                            .end(body)));
            HttpServerOptions so =
                    new HttpServerOptions()
                            .setHost("127.0.0.1")
                            .setPort(port)
                            .setCompressionSupported(false)
                            .setTcpNoDelay(true);
            return vertx.createHttpServer(so).requestHandler(router).listen();
        }
    }

    private static final class GrpcFloor
            extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

        private final ModelInferResponse answer;

        GrpcFloor(ModelInferResponse answer) {
            this.answer = answer;
        }

        @Override
        public void modelInfer(
                ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
            response.onNext(answer);
            response.onCompleted();
        }
    }
}
