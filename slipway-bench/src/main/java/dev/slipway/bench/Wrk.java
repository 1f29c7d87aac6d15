package dev.slipway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk (Debian's package {@code wrk}) on core 1 against a server on core 0, posting one fixed
 * body, and reads its figures from a Lua {@code done} hook; the server's CPU time is read from
 * {@code /proc} just before and just after.
 */
final class Wrk {

    private static final String SCRIPT =
            """
            -- Posts the file named by WRK_BODY on every request; prints one line of figures at the end.
            local f = assert(io.open(os.getenv("WRK_BODY"), "rb"))
            wrk.method = "POST"
            wrk.body = f:read("*a")
            f:close()
            wrk.headers["Content-Type"] = "application/json"

            function done(summary, latency, requests)
               io.write(string.format(
                  "BENCH requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p99_us=%d\\n",
                  summary.requests, summary.duration, summary.errors.status,
                  summary.errors.connect, summary.errors.read, summary.errors.write,
                  summary.errors.timeout, latency:percentile(50), latency:percentile(99)))
            end
            """;

    private final Path script;
    private final Path log;

    private Wrk(Path script, Path log) {
        this.script = script;
        this.log = log;
    }

    /** A runner whose Lua script and output log live in {@code dir}. */
    static Wrk in(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path script = dir.resolve("post-body.lua");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        return new Wrk(script, dir.resolve("wrk.log"));
    }

    /**
     * One run of {@code seconds} with {@code connections} connections on one wrk thread, posting
     * {@code body} to {@code url}, served by {@code server}.
     */
    Sample run(String url, Path body, int connections, int seconds, Child server)
            throws IOException, InterruptedException {
        List<String> command =
                List.of(
                        "taskset",
                        "-c",
                        "1",
                        "wrk",
                        "-t1",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--timeout",
                        "60s",
                        "--latency",
                        "-s",
                        script.toString(),
                        url);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("WRK_BODY", body.toString());
        long cpu0 = server.cpuTicks();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        long cpu1 = server.cpuTicks();
        Files.writeString(
                log,
                "$ " + String.join(" ", command) + "\n" + out + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        String line =
                out.lines()
                        .filter(l -> l.startsWith("BENCH "))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "wrk (status %d) printed no figures: %s"
                                                        .formatted(status, out)));
        Map<String, Long> v = new HashMap<>();
        for (String kv : line.substring(6).split(" ")) {
            String[] p2 = kv.split("=");
            v.put(p2[0], Long.parseLong(p2[1]));
        }
        long requests = v.get("requests");
        long errors = v.get("connect") + v.get("read") + v.get("write") + v.get("timeout");
        return new Sample(
                requests / (v.get("duration_us") / 1e6),
                v.get("p50_us") / 1000.0,
                v.get("p99_us") / 1000.0,
                v.get("non2xx"),
                errors,
                requests == 0 ? 0 : cpuMicros(cpu1 - cpu0) / requests);
    }

    static double cpuMicros(long ticks) {
        return ticks * 1e6 / Child.TICKS_PER_SECOND;
    }
}
