package dev.slipway.bench;

import dev.slipway.bench.ServeBenchmark.Load;
import inference.GRPCInferenceServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code slipway serve} as users run it (the CLI's main class on the distribution's class path), in
 * its own JVM pinned to core 0, with the time it took to get ready.
 *
 * @param jsonLineMillis process start to the {@code --json} line on stdout
 * @param healthMillis process start to the first 200 of {@code /v2/health/ready}
 */
record ServerUnderTest(
        Child process, int httpPort, int grpcPort, double jsonLineMillis, double healthMillis)
        implements AutoCloseable {

    /** Starts the server on {@code home} with the benchmark's options and waits until ready. */
    static ServerUnderTest start(
            Path home, List<String> jvmOptions, List<String> serverOptions, Path log)
            throws Exception {
        int http = freePort();
        int grpc = freePort();
        List<String> serve = new ArrayList<>(List.of("serve", "--home", home.toString()));
        serve.addAll(List.of("--port", "" + http, "--grpc-port", "" + grpc));
        serve.addAll(List.of("--no-access-log", "--json"));
        serve.addAll(List.of("--mlflow-model", ServeFixtures.ADULT));
        serve.addAll(serverOptions);
        Child c =
                Child.start(
                        "slipway serve",
                        0,
                        Child.java("dev.slipway.cli.Main", jvmOptions, serve),
                        log);
        long healthy = awaitHealthy(http);
        Child.Line json = c.await("{", 120);
        System.err.printf("server ready: %s%n", json.text());
        return new ServerUnderTest(
                c,
                http,
                grpc,
                (json.nanos() - c.startNanos()) / 1e6,
                (healthy - c.startNanos()) / 1e6);
    }

    /** Polls {@code /v2/health/ready} until it answers 200; returns when ({@code nanoTime}). */
    private static long awaitHealthy(int port) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        byte[] request =
                "GET /v2/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                InputStream in = s.getInputStream();
                String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                if (head.endsWith("200")) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("the server did not become ready within 120 s");
    }

    /** Posts the load's body once and keeps the answer: what the floor will send back. */
    Path httpAnswer(Load l, Path dir) throws Exception {
        HttpResponse<byte[]> r =
                client().send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:" + httpPort + l.path()))
                                        .timeout(Duration.ofSeconds(60))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofFile(l.body()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "the server answered %s with %d: %s"
                            .formatted(
                                    l.name(),
                                    r.statusCode(),
                                    new String(r.body(), StandardCharsets.UTF_8)));
        }
        Path file = dir.resolve(l.name() + ".json");
        Files.write(file, r.body());
        return file;
    }

    /** Sends the rows of {@code oipBody} over gRPC once and keeps the serialized answer. */
    Path grpcAnswer(Path oipBody, Path dir) throws Exception {
        ManagedChannel ch =
                NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            var response =
                    GRPCInferenceServiceGrpc.newBlockingStub(ch)
                            .modelInfer(
                                    Payloads.grpc(ServeFixtures.ADULT, Payloads.frame(oipBody)));
            Path file = dir.resolve("grpc-1.bin");
            Files.write(file, response.toByteArray());
            return file;
        } finally {
            ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The server's {@code slipway_prediction_log_dropped_rows} metric (0 without the log). */
    long droppedLogRows() throws Exception {
        String metrics =
                client().send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + httpPort
                                                                + "/metrics"))
                                        .timeout(Duration.ofSeconds(60))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        return metrics.lines()
                .filter(l -> l.startsWith("slipway_prediction_log_dropped_rows"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    /**
     * Waits (at most 60 s) until the server uses less than a tenth of a core, so that work left
     * from a load (e.g. the prediction log catching up) does not fall into the next measurement.
     */
    void settle() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long before = process.cpuTicks();
        while (System.nanoTime() < until) {
            Thread.sleep(500);
            long now = process.cpuTicks();
            if (now - before <= Child.TICKS_PER_SECOND / 20) {
                return;
            }
            before = now;
        }
    }

    /** A fresh HTTP/1.1 client: no connection kept from an earlier call, no upgrade attempt. */
    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the server with SIGTERM, as a user would. */
    @Override
    public void close() {
        process.close();
    }
}
