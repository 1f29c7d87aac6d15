package dev.slipway.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The serving benchmark: {@code slipway serve} (the CLI, as users run it) pinned to core 0, loaded
 * from core 1 by wrk (OIP REST JSON with 1, 32 and 10,000 Adult rows, MLflow {@code
 * dataframe_split} with 1 row, OIP REST with 1 iris row for the ONNX model) and by {@link GrpcLoad}
 * (OIP gRPC, 1 row), against its two baselines in the same run: the HTTP and gRPC floor ({@link
 * HttpFloor}: the same stack answering the same bytes without a model, on core 0, runs alternating
 * with the server's) and the model limit ({@link ModelLimit}: the predictor in-process on core 0
 * with the same rows).
 *
 * <p>Reports requests/s, p50, p99, non-2xx, the server's CPU-µs per request (from {@code
 * /proc/PID/stat}), serving efficiency (req/s ÷ the combined limit, 1/combined = 1/floor +
 * 1/model), the batches' rows/s against the predictor's, the rows the prediction log dropped, the
 * server's ready time (process start to the {@code --json} line and to the first 200 of {@code
 * /v2/health/ready}, over several starts) and its RSS (idle, after the loads, peak). Before each
 * measured run the server is left to settle (its CPU use below a tenth of a core), so that work
 * left from one run (the prediction log catching up) does not fall into the next. Writes the
 * markdown table to stdout and to {@code WORK/results-*.md}; the home, with the Adult model trained
 * as {@code slipway train} does with defaults, is cached in {@code WORK}. Exits 1 when a request
 * failed.
 *
 * <p>Run (from the repository root; needs {@code wrk} and {@code taskset}): {@code
 * slipway-bench/serve-bench.sh} (the protocol's schedule: 10 s warm-up, 3 × 10 s), or {@code
 * slipway-bench/serve-bench.sh --server-warmup 20 --warmup 3 --duration 3 --runs 2} for a quick
 * check. Options (defaults in {@link #options}): {@code --server-warmup S --warmup S --duration S
 * --runs N --connections N --batch-connections N --grpc-in-flight N --ready-runs N --loads
 * oip-1,mlflow-1,oip-32,iris-1,oip-10k,grpc-1 --server-options "..." --jvm-options "..." --shared
 * DIR --work DIR}.
 */
public final class ServeBenchmark {

    private ServeBenchmark() {}

    /** One load: what is posted where, and which in-process rows it is compared with. */
    record Load(
            String name,
            String title,
            boolean grpc,
            String path,
            Path body,
            int rows,
            int connections,
            String limit) {}

    /** The runs of one load on the server and on the floor, and the model limit's rows/s. */
    record Result(
            Load load,
            List<Sample> server,
            List<Sample> floor,
            double[] limitRowsPerSec,
            long droppedLogRows,
            List<Sample> floorDirect) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int warmup = Integer.parseInt(o.get("warmup"));
        int duration = Integer.parseInt(o.get("duration"));
        int runs = Integer.parseInt(o.get("runs"));
        Path work = Path.of(o.get("work")).toAbsolutePath();
        Path logs = work.resolve("logs");
        ServeFixtures.delete(logs);
        Files.createDirectories(logs);
        ServeFixtures fx = ServeFixtures.prepare(work, Path.of(o.get("shared")).toAbsolutePath());
        List<Load> loads = loads(o, fx);
        List<String> jvm = words(o.get("jvm-options"));
        ServeClients clients = new ServeClients(warmup, duration, runs, jvm, logs);

        // Ready time: start the server several times, keep the last one for the loads.
        int readyRuns = Integer.parseInt(o.get("ready-runs"));
        double[] jsonMs = new double[readyRuns];
        double[] healthMs = new double[readyRuns];
        ServerUnderTest server = null;
        for (int i = 0; i < readyRuns; i++) {
            if (server != null) {
                server.close();
            }
            server =
                    ServerUnderTest.start(
                            fx.home(),
                            jvm,
                            words(o.get("server-options")),
                            logs.resolve("server.log"));
            jsonMs[i] = server.jsonLineMillis();
            healthMs[i] = server.healthMillis();
        }
        long idleRss = server.process().memoryKb("VmRSS");

        Path answers = work.resolve("answers");
        Files.createDirectories(answers);
        int floorHttp = ServerUnderTest.freePort();
        int floorGrpc = ServerUnderTest.freePort();
        int floorDirect = ServerUnderTest.freePort();
        List<String> floorArgs =
                new ArrayList<>(List.of("" + floorHttp, "" + floorGrpc, "" + floorDirect, "auto"));
        floorArgs.add(server.grpcAnswer(fx.oip(1), answers).toString());
        for (Load l : loads) {
            if (!l.grpc()) {
                floorArgs.add("/floor/" + l.name() + "=" + server.httpAnswer(l, answers));
            }
        }
        List<Result> results = new ArrayList<>();
        try (Child floor =
                Child.start(
                        "floor",
                        0,
                        Child.java(HttpFloor.class.getName(), jvm, floorArgs),
                        logs.resolve("floor.log"))) {
            floor.await("READY", 120);
            Wrk wrk = Wrk.in(logs);
            // A cold server takes 15-20 s of load to reach its pace (JIT on one core): warm it up
            // on every load in turn first, then each load again before it is measured.
            int share = Math.max(1, Integer.parseInt(o.get("server-warmup")) / loads.size());
            for (Load l : loads) {
                if (!l.grpc()) {
                    System.err.printf("%s: server warm-up %d s each side%n", l.name(), share);
                    wrk.run(
                            url(server.httpPort(), l.path()),
                            l.body(),
                            l.connections(),
                            share,
                            server.process());
                    wrk.run(
                            url(floorHttp, "/floor/" + l.name()),
                            l.body(),
                            l.connections(),
                            share,
                            floor);
                }
            }
            for (Load l : loads) {
                long dropped = server.droppedLogRows();
                List<Sample> direct = new ArrayList<>();
                List<Sample> onServer = new ArrayList<>();
                List<Sample> onFloor = new ArrayList<>();
                if (l.grpc()) {
                    server.settle();
                    List<List<Sample>> g =
                            clients.grpc(l, warmup + share, server, floor, floorGrpc, floorDirect);
                    onServer.addAll(g.get(0));
                    onFloor.addAll(g.get(1));
                    direct.addAll(g.get(2));
                } else {
                    String s = url(server.httpPort(), l.path());
                    String f = url(floorHttp, "/floor/" + l.name());
                    System.err.printf("%s: warm-up %d s each side%n", l.name(), warmup);
                    server.settle();
                    wrk.run(s, l.body(), l.connections(), warmup, server.process());
                    server.settle();
                    wrk.run(f, l.body(), l.connections(), warmup, floor);
                    for (int r = 0; r < runs; r++) {
                        server.settle();
                        onServer.add(
                                wrk.run(s, l.body(), l.connections(), duration, server.process()));
                        server.settle();
                        onFloor.add(wrk.run(f, l.body(), l.connections(), duration, floor));
                        System.err.printf(
                                "%s run %d: server %s, floor %s%n",
                                l.name(), r + 1, onServer.getLast(), onFloor.getLast());
                    }
                }
                results.add(
                        new Result(
                                l,
                                onServer,
                                onFloor,
                                new double[0],
                                server.droppedLogRows() - dropped,
                                direct));
            }
        }
        long rssAfter = server.process().memoryKb("VmRSS");
        long rssPeak = server.process().memoryKb("VmHWM");
        server.close();

        Map<String, double[]> limits = clients.modelLimits(loads, fx);
        List<Result> all = new ArrayList<>();
        for (Result r : results) {
            all.add(
                    new Result(
                            r.load(),
                            r.server(),
                            r.floor(),
                            limits.get(r.load().limit()),
                            r.droppedLogRows(),
                            r.floorDirect()));
        }
        String report = ServeReport.markdown(o, all, jsonMs, healthMs, idleRss, rssAfter, rssPeak);
        System.out.println(report);
        Path out =
                work.resolve(
                        "results-"
                                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                                        .withZone(ZoneOffset.UTC)
                                        .format(Instant.now())
                                + ".md");
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.err.println("Results written to " + out);
        boolean failed =
                all.stream()
                        .flatMap(r -> Stream.concat(r.server().stream(), r.floor().stream()))
                        .anyMatch(x -> x.non2xx() > 0 || x.socketErrors() > 0);
        if (failed) {
            System.err.println("Some requests failed (non-2xx or socket errors): see the table");
        }
        System.exit(failed ? 1 : 0);
    }

    private static List<Load> loads(Map<String, String> o, ServeFixtures fx) {
        int c = Integer.parseInt(o.get("connections"));
        int b = Integer.parseInt(o.get("batch-connections"));
        int g = Integer.parseInt(o.get("grpc-in-flight"));
        String adult = "/v2/models/" + ServeFixtures.ADULT + "/infer";
        List<Load> all =
                List.of(
                        new Load(
                                "oip-1",
                                "OIP REST JSON, 1 row, Adult GBDT",
                                false,
                                adult,
                                fx.oip(1),
                                1,
                                c,
                                "adult-1"),
                        new Load(
                                "mlflow-1",
                                "MLflow dataframe_split, 1 row, Adult GBDT",
                                false,
                                "/invocations",
                                fx.mlflowOneRow(),
                                1,
                                c,
                                "adult-1"),
                        new Load(
                                "oip-32",
                                "OIP REST JSON, 32 rows, Adult GBDT",
                                false,
                                adult,
                                fx.oip(32),
                                32,
                                c,
                                "adult-32"),
                        new Load(
                                "iris-1",
                                "OIP REST JSON, 1 row, iris ONNX forest",
                                false,
                                "/v2/models/" + ServeFixtures.IRIS + "/infer",
                                fx.irisOneRow(),
                                1,
                                c,
                                "iris-1"),
                        new Load(
                                "oip-10k",
                                "OIP REST JSON, 10,000 rows, Adult GBDT",
                                false,
                                adult,
                                fx.oip(10_000),
                                10_000,
                                b,
                                "adult-10k"),
                        new Load(
                                "grpc-1",
                                "OIP gRPC, 1 row, Adult GBDT",
                                true,
                                "",
                                fx.oip(1),
                                1,
                                g,
                                "adult-1"));
        List<String> wanted = Arrays.asList(o.get("loads").split(","));
        return all.stream().filter(l -> wanted.contains(l.name())).toList();
    }

    private static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("warmup", "10");
        o.put("duration", "10");
        o.put("runs", "3");
        o.put("server-warmup", "30");
        o.put("connections", "32");
        o.put("batch-connections", "2");
        o.put("grpc-in-flight", "32");
        o.put("ready-runs", "3");
        o.put("loads", "oip-1,mlflow-1,oip-32,iris-1,oip-10k,grpc-1");
        o.put("server-options", "");
        o.put("jvm-options", "");
        o.put("shared", "../shared");
        o.put("work", "slipway-bench/target/serve-bench");
        o.put("command", "");
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!o.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "unknown option or missing value: %s; the options are --%s"
                                .formatted(args[i], String.join(" --", o.keySet())));
            }
            o.put(key, args[++i]);
        }
        return o;
    }
}
