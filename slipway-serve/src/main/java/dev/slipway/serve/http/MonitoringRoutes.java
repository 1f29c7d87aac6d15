package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.DriftRequest;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.outlier.OutlierOptions;
import dev.slipway.monitor.perf.LabelOptions;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.serve.core.Authorizer.Need;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Monitoring of the served models over HTTP, for the console and scripts: labels in, and drift,
 * realized performance, outliers, data quality, latency and the alert history out, in the JSON
 * shapes of {@link MonitorJson}. Every route needs the {@code predict} scope (labels come from the
 * business side, which holds prediction tokens).
 *
 * <p>The work reads Parquet through DuckDB and may take seconds: it runs on a small pool of its own
 * ({@value #POOL} threads), never on an event loop, and never holds up the management API's
 * workers.
 */
final class MonitoringRoutes {

    static final String POOL_NAME = "slipway-monitoring";
    static final int POOL = 2;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String MODEL = "/api/v1/models/:name";
    private static final WindowSpec DEFAULT_PERFORMANCE_WINDOW = WindowSpec.parse("1d");

    private final Web web;
    private final HomeApi api;
    private final WorkerExecutor pool;

    MonitoringRoutes(Web web, HomeApi api) {
        this.web = web;
        this.api = api;
        // Shared by name between the event loops' routers; long reports are not "blocked threads".
        this.pool = web.vertx().createSharedWorkerExecutor(POOL_NAME, POOL, 1, TimeUnit.HOURS);
    }

    void mount(Router router) {
        router.post(MODEL + "/labels").handler(this::labels);
        String m = MODEL + "/monitoring/";
        router.get(m + "drift").handler(ctx -> report(ctx, MonitoringQuery.REPORT, this::drift));
        router.get(m + "performance")
                .handler(ctx -> report(ctx, MonitoringQuery.PERFORMANCE, this::performance));
        router.get(m + "outliers")
                .handler(ctx -> report(ctx, MonitoringQuery.OUTLIERS, this::outliers));
        router.get(m + "quality")
                .handler(ctx -> report(ctx, MonitoringQuery.REPORT, this::quality));
        router.get(m + "latency")
                .handler(ctx -> report(ctx, MonitoringQuery.REPORT, this::latency));
        router.get(m + "alerts").handler(ctx -> report(ctx, MonitoringQuery.ALERTS, this::alerts));
        router.get(m + "distributions")
                .handler(ctx -> report(ctx, MonitoringQuery.DISTRIBUTIONS, this::distributions));
        router.get(m + "predictions")
                .handler(ctx -> report(ctx, MonitoringQuery.PREDICTIONS, this::predictions));
    }

    private void labels(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        String model = ctx.pathParam("name");
        var body = ctx.body().buffer();
        blocking(
                ctx,
                () -> {
                    web.registry().model(model);
                    MonitoringLabels labels =
                            MonitoringLabels.of(web.json().read(body, "labels request"));
                    return MonitorJson.labels(
                            monitor().labels(model, labels.rows(), labels.options()));
                });
    }

    private void report(
            RoutingContext ctx,
            Set<String> accepted,
            BiFunction<String, MonitoringQuery, JsonNode> work) {
        web.authorize(ctx, Need.PREDICT);
        String model = ctx.pathParam("name");
        MonitoringQuery query = MonitoringQuery.of(ctx.queryParams(), accepted);
        blocking(
                ctx,
                () -> {
                    web.registry().model(model);
                    return work.apply(model, query);
                });
    }

    private JsonNode drift(String model, MonitoringQuery q) {
        return MonitorJson.drift(
                monitor()
                        .drift(
                                new DriftRequest(
                                        Optional.of(model),
                                        q.reference(),
                                        log(model, q),
                                        List.of(),
                                        DriftOptions.defaults(),
                                        q.window())));
    }

    /**
     * The inputs' values in the reference and the current data, as chart bins: {@code columns} of
     * the query, or every input drift compares.
     */
    private JsonNode distributions(String model, MonitoringQuery q) {
        JsonNode n =
                MonitorJson.distributions(
                        monitor()
                                .distributions(
                                        Optional.of(model),
                                        q.reference(),
                                        log(model, q),
                                        q.columns()));
        return withModel(model, n);
    }

    /** The model's outputs in the current data, and in the reference when it has them. */
    private JsonNode predictions(String model, MonitoringQuery q) {
        JsonNode n =
                MonitorJson.distributions(
                        monitor()
                                .predictionDistributions(
                                        Optional.of(model), q.reference(), log(model, q)));
        return withModel(model, n);
    }

    private static JsonNode withModel(String model, JsonNode n) {
        ObjectNode o = F.objectNode();
        o.put("model", model);
        o.setAll((ObjectNode) n);
        return o;
    }

    private JsonNode performance(String model, MonitoringQuery q) {
        return MonitorJson.performance(
                monitor()
                        .performance(
                                model,
                                log(model, q),
                                q.window().orElse(DEFAULT_PERFORMANCE_WINDOW),
                                q.keyColumn().orElse(LabelOptions.REQUEST_ID)));
    }

    private JsonNode outliers(String model, MonitoringQuery q) {
        return MonitorJson.outliers(
                monitor()
                        .outliers(
                                Optional.of(model),
                                q.reference(),
                                log(model, q),
                                OutlierOptions.defaults().withTop(q.top())));
    }

    private JsonNode quality(String model, MonitoringQuery q) {
        return MonitorJson.quality(
                monitor()
                        .quality(Optional.of(model), q.reference(), log(model, q))
                        .orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                "reference",
                                                "data quality is checked against a dataset version; give reference=DATASET")));
    }

    /**
     * Latency of the answered requests in milliseconds, named as in the monitoring report's JSON:
     * {@code {"model", "range": {"from", "to"}, "latency_ms": {"p50", "p99"}}}, {@code latency_ms}
     * null when the range holds no request.
     */
    private JsonNode latency(String model, MonitoringQuery q) {
        Optional<double[]> ms = monitor().latencyMillis(log(model, q));
        ObjectNode n = F.objectNode();
        n.put("model", model);
        ObjectNode range = n.putObject("range");
        range.put("from", q.range().from().map(Object::toString).orElse(null));
        range.put("to", q.range().to().map(Object::toString).orElse(null));
        if (ms.isPresent()) {
            ObjectNode l = n.putObject("latency_ms");
            MonitorJson.number(l, "p50", ms.get()[0]);
            MonitorJson.number(l, "p99", ms.get()[1]);
        } else {
            n.putNull("latency_ms");
        }
        return n;
    }

    /** The model's alert notifications, newest first: {@code {"model", "alerts": [...]}}. */
    private JsonNode alerts(String model, MonitoringQuery q) {
        List<AlertRecord> records = api.alerts().query(Optional.of(model), q.since(), q.limit());
        ObjectNode n = F.objectNode();
        n.put("model", model);
        ArrayNode list = n.putArray("alerts");
        records.forEach(r -> list.add(MonitorJson.alert(r)));
        return n;
    }

    private Monitor monitor() {
        return api.monitor();
    }

    private static CurrentData log(String model, MonitoringQuery q) {
        return new CurrentData.Log(model, q.range());
    }

    private void blocking(RoutingContext ctx, java.util.concurrent.Callable<JsonNode> work) {
        web.answer(ctx, pool.executeBlocking(work, false));
    }
}
