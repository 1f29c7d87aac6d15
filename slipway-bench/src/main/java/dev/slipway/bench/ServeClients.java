package dev.slipway.bench;

import dev.slipway.bench.ServeBenchmark.Load;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving benchmark's other processes: the gRPC load client ({@link GrpcLoad}, core 1) and the
 * model limit ({@link ModelLimit}, core 0), started with the benchmark's schedule and read back.
 *
 * @param warmup seconds of warm-up per side
 * @param duration seconds per measured run
 * @param runs measured runs per side
 */
record ServeClients(int warmup, int duration, int runs, List<String> jvmOptions, Path logs) {

    /**
     * The gRPC runs of {@code load} against the server, the floor and the floor with a direct
     * executor, alternating, after a warm-up of {@code warmupSeconds} each.
     */
    List<List<Sample>> grpc(
            Load load,
            int warmupSeconds,
            ServerUnderTest server,
            Child floor,
            int floorPort,
            int floorDirectPort)
            throws Exception {
        List<String> a = new ArrayList<>();
        a.addAll(List.of(load.body().toString(), ServeFixtures.ADULT, "" + load.connections()));
        a.addAll(List.of("" + warmupSeconds, "" + duration, "" + runs));
        a.add("server=127.0.0.1:" + server.grpcPort() + ":" + server.process().pid());
        a.add("floor=127.0.0.1:" + floorPort + ":" + floor.pid());
        a.add("direct=127.0.0.1:" + floorDirectPort + ":" + floor.pid());
        System.err.printf("%s: gRPC client warm-up %d s each side%n", load.name(), warmupSeconds);
        Map<String, List<Sample>> got = new HashMap<>();
        try (Child client =
                Child.start(
                        "grpc client",
                        1,
                        Child.java(GrpcLoad.class.getName(), jvmOptions, a),
                        logs.resolve("grpc-client.log"))) {
            long timeout = 120 + 3L * (warmupSeconds + 3L * runs * duration);
            for (int i = 0; i < 3 * runs; i++) {
                String[] v = client.await("GRPC ", timeout).text().split(" ");
                long requests = Long.parseLong(v[8]);
                Sample x =
                        new Sample(
                                Double.parseDouble(v[3]),
                                Long.parseLong(v[4]) / 1000.0,
                                Long.parseLong(v[5]) / 1000.0,
                                Long.parseLong(v[6]),
                                0,
                                requests == 0 ? 0 : Wrk.cpuMicros(Long.parseLong(v[7])) / requests);
                got.computeIfAbsent(v[1], k -> new ArrayList<>()).add(x);
                System.err.printf("%s run %s %s: %s%n", load.name(), v[2], v[1], x);
            }
            client.waitFor();
        }
        return List.of(got.get("server"), got.get("floor"), got.get("direct"));
    }

    /** Rows/s of each load's model limit, by {@link Load#limit()}. */
    Map<String, double[]> modelLimits(List<Load> loads, ServeFixtures fx) throws Exception {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Load l : loads) {
            String model = l.limit().startsWith("iris") ? ServeFixtures.IRIS : ServeFixtures.ADULT;
            // The MLflow and gRPC loads carry the same row as the OIP one.
            Path body = l.name().startsWith("mlflow") || l.grpc() ? fx.oip(1) : l.body();
            wanted.putIfAbsent(l.limit(), model + "@champion:" + body);
        }
        List<String> a = new ArrayList<>(List.of(fx.home().toString()));
        a.addAll(List.of("" + warmup, "" + duration, "" + runs));
        wanted.forEach((k, v) -> a.add(k + "=" + v));
        System.err.printf("model limit: %s%n", wanted.keySet());
        Map<String, List<Double>> got = new HashMap<>();
        try (Child limit =
                Child.start(
                        "model limit",
                        0,
                        Child.java(ModelLimit.class.getName(), jvmOptions, a),
                        logs.resolve("model-limit.log"))) {
            long timeout = 300 + warmup + (long) runs * duration;
            for (int i = 0; i < wanted.size() * runs; i++) {
                String[] v = limit.await("LIMIT ", timeout).text().split(" ");
                got.computeIfAbsent(v[1], k -> new ArrayList<>()).add(Double.parseDouble(v[3]));
            }
            limit.waitFor();
        }
        Map<String, double[]> out = new HashMap<>();
        got.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
