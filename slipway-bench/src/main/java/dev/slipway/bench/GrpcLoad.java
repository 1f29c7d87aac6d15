package dev.slipway.bench;

import inference.GRPCInferenceServiceGrpc;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gRPC load client of the serving benchmark: {@code inference.GRPCInferenceService/ModelInfer}
 * with the rows of an Open Inference Protocol body, kept at N calls in flight on one channel (async
 * stubs), against one or more targets in turn: a warm-up of each, then the measured runs
 * alternating between them. For each run it prints requests/s, p50 and p99 (from the sorted
 * latencies of every call of the run), failed calls, and the target's CPU time from {@code
 * /proc/PID/stat}.
 *
 * <p>Started by {@link ServeBenchmark}, pinned to core 1 like wrk, as {@code java -cp ...
 * dev.slipway.bench.GrpcLoad BODY MODEL IN_FLIGHT WARMUP_S DURATION_S RUNS LABEL=HOST:PORT:PID...};
 * prints lines {@code GRPC LABEL RUN REQ_PER_S P50_US P99_US ERRORS CPU_TICKS REQUESTS}.
 */
public final class GrpcLoad {

    private GrpcLoad() {}

    private record Target(String label, ManagedChannel channel, long pid) {}

    public static void main(String[] args) throws Exception {
        ModelInferRequest request = Payloads.grpc(args[1], Payloads.frame(Path.of(args[0])));
        int inFlight = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int duration = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        List<Target> targets = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            String[] hp = kv[1].split(":");
            ManagedChannel channel =
                    NettyChannelBuilder.forAddress(hp[0], Integer.parseInt(hp[1]))
                            .usePlaintext()
                            .directExecutor()
                            .maxInboundMessageSize(256 << 20)
                            .build();
            targets.add(new Target(kv[0], channel, Long.parseLong(hp[2])));
        }
        for (Target t : targets) {
            window(t, request, inFlight, warmup);
        }
        for (int r = 1; r <= runs; r++) {
            for (Target t : targets) {
                long cpu0 = Child.cpuTicks(t.pid());
                Window w = window(t, request, inFlight, duration);
                long cpu1 = Child.cpuTicks(t.pid());
                System.out.printf(
                        Locale.ROOT,
                        "GRPC %s %d %.1f %d %d %d %d %d%n",
                        t.label(),
                        r,
                        w.count / w.seconds,
                        w.percentileMicros(50),
                        w.percentileMicros(99),
                        w.errors.get(),
                        cpu1 - cpu0,
                        w.count);
                System.out.flush();
            }
        }
        for (Target t : targets) {
            t.channel().shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The calls of one measured window. */
    private static final class Window {
        volatile boolean open = true;
        final long[] latencies;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();
        int count;
        double seconds;

        Window(int capacity) {
            latencies = new long[capacity];
        }

        void record(long nanos) {
            int i = next.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = nanos;
            }
        }

        long percentileMicros(double p) {
            long[] v = Arrays.copyOf(latencies, Math.min(count, latencies.length));
            Arrays.sort(v);
            if (v.length == 0) {
                return 0;
            }
            int i = (int) Math.min(v.length - 1, Math.ceil(p / 100.0 * v.length) - 1);
            return v[Math.max(0, i)] / 1000;
        }
    }

    private static Window window(Target t, ModelInferRequest request, int inFlight, int seconds)
            throws InterruptedException {
        var stub = GRPCInferenceServiceGrpc.newStub(t.channel());
        Window w = new Window(Math.max(1 << 20, Math.min(40_000_000, seconds * 300_000)));
        CountDownLatch drained = new CountDownLatch(inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            call(stub, request, w, drained);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        w.open = false;
        long end = System.nanoTime();
        w.count = Math.min(w.next.get(), w.latencies.length);
        w.seconds = (end - start) / 1e9;
        drained.await(60, TimeUnit.SECONDS);
        return w;
    }

    private static void call(
            GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub,
            ModelInferRequest request,
            Window w,
            CountDownLatch drained) {
        long t0 = System.nanoTime();
        stub.modelInfer(
                request,
                new StreamObserver<>() {
                    @Override
                    public void onNext(ModelInferResponse value) {}

                    @Override
                    public void onError(Throwable e) {
                        w.errors.incrementAndGet();
                        next();
                    }

                    @Override
                    public void onCompleted() {
                        if (w.open) {
                            w.record(System.nanoTime() - t0);
                        }
                        next();
                    }

                    private void next() {
                        if (w.open) {
                            call(stub, request, w, drained);
                        } else {
                            drained.countDown();
                        }
                    }
                });
    }
}
