package dev.slipway.bench;

import dev.slipway.bench.ServeBenchmark.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The serving benchmark's results as markdown, labelled with the machine and the JDK. */
final class ServeReport {

    private ServeReport() {}

    static String markdown(
            Map<String, String> o,
            List<Result> results,
            double[] jsonMs,
            double[] healthMs,
            long idleRssKb,
            long rssAfterKb,
            long rssPeakKb)
            throws IOException {
        StringBuilder b = new StringBuilder();
        line(b, "## Serving: `slipway serve` (%s)", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line(b, "");
        line(
                b,
                "Machine: %d cores (nproc), %s; JDK %s (%s). Server, floor and model limit pinned to"
                        + " core 0, wrk and the gRPC client to core 1.",
                cores(),
                ImportBenchmark.cpuModel(),
                Runtime.version(),
                System.getProperty("java.vendor"));
        line(
                b,
                "Schedule: first %s s of warm-up spread over the loads, then per load a warm-up of"
                        + " %s s per side and %s × %s s alternating server and floor runs; medians,"
                        + " min–max in brackets.",
                o.get("server-warmup"),
                o.get("warmup"),
                o.get("runs"),
                o.get("duration"));
        String extra = o.get("server-options").isBlank() ? "" : " " + o.get("server-options");
        line(
                b,
                "Server: `slipway serve --no-access-log --json --mlflow-model adult%s`"
                        + " (defaults otherwise: prediction log on, event loops and workers = cores).",
                extra);
        if (!o.get("command").isBlank()) {
            line(b, "Command: `%s`", o.get("command"));
        }
        line(b, "");
        line(
                b,
                "| load | conn. | Slipway req/s | p50 ms | p99 ms | non-2xx | server CPU-µs/req |"
                        + " floor req/s | floor CPU-µs/req | model req/s | combined limit |"
                        + " efficiency | log rows dropped |");
        line(b, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            double server = Sample.median(r.server(), Sample::requestsPerSecond);
            double floor = Sample.median(r.floor(), Sample::requestsPerSecond);
            double model = Sample.median(r.limitRowsPerSec()) / r.load().rows();
            double combined = 1 / (1 / floor + 1 / model);
            long non2xx = r.server().stream().mapToLong(s -> s.non2xx() + s.socketErrors()).sum();
            line(
                    b,
                    "| %s | %d | %s | %s | %s | %d | %s | %s | %s | %s | %s | **%.2f** | %,d |",
                    r.load().title(),
                    r.load().connections(),
                    Sample.spread(r.server(), Sample::requestsPerSecond, "%,.0f"),
                    Sample.spread(r.server(), Sample::p50Millis, "%.2f"),
                    Sample.spread(r.server(), Sample::p99Millis, "%.2f"),
                    non2xx,
                    Sample.spread(r.server(), Sample::cpuMicrosPerRequest, "%.0f"),
                    Sample.spread(r.floor(), Sample::requestsPerSecond, "%,.0f"),
                    Sample.spread(r.floor(), Sample::cpuMicrosPerRequest, "%.0f"),
                    fmt("%,.0f", model),
                    fmt("%,.0f", combined),
                    server / combined,
                    r.droppedLogRows());
        }
        line(b, "");
        line(
                b,
                "Floor: the same Vert.x stack (router, body handler, same event loops) or grpc-java"
                        + " server answering the bytes the server answered, without a model. Model:"
                        + " the predictor in-process on one core with the same rows (req/s ="
                        + " rows/s ÷ rows per request). Efficiency = Slipway req/s ÷ combined limit,"
                        + " 1/combined = 1/floor + 1/model. Goal for single rows: p99 ≤ 5 ms at 32"
                        + " connections. Log rows dropped: rows the prediction log refused during"
                        + " the load, warm-up included (its buffer was full), from the server's"
                        + " slipway_prediction_log_dropped_rows metric.");
        for (Result r : results) {
            if (!r.floorDirect().isEmpty()) {
                line(
                        b,
                        "%s: the gRPC floor with a direct executor (calls on Netty's event loop,"
                                + " no hand-over to a thread pool) answers %s req/s at %s CPU-µs/req.",
                        r.load().title(),
                        Sample.spread(r.floorDirect(), Sample::requestsPerSecond, "%,.0f"),
                        Sample.spread(r.floorDirect(), Sample::cpuMicrosPerRequest, "%.0f"));
            }
        }
        line(b, "");
        line(b, "| batch load | rows/request | Slipway rows/s | in-process rows/s | ratio |");
        line(b, "|---|---:|---:|---:|---:|");
        for (Result r : results) {
            int rows = r.load().rows();
            if (rows == 1) {
                continue;
            }
            double served = Sample.median(r.server(), Sample::requestsPerSecond) * rows;
            double model = Sample.median(r.limitRowsPerSec());
            line(
                    b,
                    "| %s | %,d | %s | %s | **%.2f** |",
                    r.load().title(),
                    rows,
                    fmt("%,.0f", served),
                    Sample.spread(r.limitRowsPerSec(), "%,.0f"),
                    served / model);
        }
        line(b, "");
        line(b, "(Goal for the 10,000-row batch: ratio ≥ 0.8.)");
        line(b, "");
        line(
                b,
                "| ready: start → `--json` line | start → first 200 on /v2/health/ready | RSS idle"
                        + " | RSS after the loads | peak RSS (VmHWM) |");
        line(b, "|---:|---:|---:|---:|---:|");
        line(
                b,
                "| %s ms | %s ms | %,d MB | %,d MB | %,d MB |",
                Sample.spread(jsonMs, "%.0f"),
                Sample.spread(healthMs, "%.0f"),
                idleRssKb / 1024,
                rssAfterKb / 1024,
                rssPeakKb / 1024);
        return b.toString();
    }

    private static int cores() throws IOException {
        return (int)
                Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("processor"))
                        .count();
    }

    private static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
