package dev.slipway.serve.http;

import dev.slipway.serve.core.Authorizer.Need;
import dev.slipway.serve.core.ServedModel;
import dev.slipway.serve.metrics.LiveMetrics.Batches;
import dev.slipway.serve.metrics.LiveMetrics.Latency;
import dev.slipway.serve.metrics.LiveMetrics.Snapshot;
import dev.slipway.serve.metrics.LiveMetrics.Stats;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/metrics/live}: the server's own numbers as JSON for the console's Live page:
 * per model and for the whole server, requests and errors since start and over the last ~10 seconds
 * (requests per second, latency p50/p99, queue waits, batch sizes), queue depth and uptime. Needs
 * the {@code predict} scope. It reads in-memory meters only, so it answers on the event loop.
 */
final class LiveRoutes {

    private final Web web;

    LiveRoutes(Web web) {
        this.web = web;
    }

    void mount(Router router) {
        router.get("/api/v1/metrics/live").handler(this::live);
    }

    private void live(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        Snapshot s = web.metrics().live().read();
        Map<String, ServedModel> served = new TreeMap<>();
        for (ServedModel m : web.gateway().core().models()) {
            served.put(m.name(), m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", s.at().toString());
        body.put("started", web.info().started().toString());
        body.put(
                "uptime_seconds",
                Math.max(0, Duration.between(web.info().started(), s.at()).toMillis()) / 1000.0);
        body.put("window_seconds", seconds(s.window()));
        body.put("window_start", s.at().minus(s.window()).toString());
        int queued = served.values().stream().mapToInt(ServedModel::queuedRows).sum();
        body.put("totals", stats(s.total(), queued));
        List<Object> models = new ArrayList<>();
        TreeMap<String, Stats> names = new TreeMap<>(s.models());
        for (String name : served.keySet()) {
            names.putIfAbsent(name, null);
        }
        for (var e : names.entrySet()) {
            ServedModel m = served.get(e.getKey());
            Stats st = e.getValue();
            // A name that only ever failed and is not served is a client's typo, not a model.
            if (m == null && (st == null || st.requests() == sum(st.errors()))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", e.getKey());
            row.put("served", m != null);
            row.put("state", m == null ? "not served" : m.state().name().toLowerCase(Locale.ROOT));
            if (m != null && m.version().isPresent()) {
                row.put("version", m.version().getAsInt());
            }
            row.putAll(stats(st == null ? empty() : st, m == null ? 0 : m.queuedRows()));
            models.add(row);
        }
        body.put("models", models);
        web.sendJson(ctx, body);
    }

    private static Map<String, Object> stats(Stats s, int queuedRows) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests_total", s.requests());
        out.put("errors_total", s.errors());
        out.put("requests_in_window", s.windowRequests());
        out.put("errors_in_window", s.windowErrors());
        out.put("requests_per_second", round(s.perSecond()));
        out.put("latency_ms", latency(s.latency()));
        out.put("queue_wait_ms", latency(s.queueWait()));
        out.put("batch_rows", batches(s.batches()));
        out.put("queued_rows", queuedRows);
        return out;
    }

    private static Map<String, Object> latency(Latency l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", l.count());
        out.put("mean", value(l.mean()));
        out.put("p50", value(l.p50()));
        out.put("p99", value(l.p99()));
        return out;
    }

    private static Map<String, Object> batches(Batches b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calls_total", b.calls());
        out.put("rows_total", b.rows());
        out.put("calls_in_window", b.windowCalls());
        out.put("mean", value(b.windowMean()));
        out.put("max_recent", value(b.maxRecent()));
        List<Object> histogram = new ArrayList<>();
        for (var bucket : b.histogram()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rows_at_most", Double.isInfinite(bucket.upTo()) ? "more" : (long) bucket.upTo());
            e.put("calls", bucket.count());
            histogram.add(e);
        }
        out.put("histogram", histogram);
        return out;
    }

    private static Stats empty() {
        Latency none =
                new Latency(
                        0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        return new Stats(
                0,
                Map.of(),
                0,
                Map.of(),
                0,
                none,
                none,
                new Batches(0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A number for JSON, or null when the window had nothing to measure. */
    private static Double value(OptionalDouble d) {
        return d.isPresent() ? round(d.getAsDouble()) : null;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    private static double seconds(Duration d) {
        return round(d.toNanos() / 1e9);
    }
}
