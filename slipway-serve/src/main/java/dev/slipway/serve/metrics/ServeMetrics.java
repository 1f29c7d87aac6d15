package dev.slipway.serve.metrics;

import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.CallObserver;
import dev.slipway.serve.core.CoreListener;
import dev.slipway.serve.core.ErrorKind;
import dev.slipway.serve.core.Inference;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.serve.core.ServedModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus metrics: requests by model, version, protocol and status; latency
 * histograms (queue, inference, total); batch sizes; queue depth; model load times; the prediction
 * log's drops; and the JVM's own. Thread-safe; the hot path looks meters up in a map.
 */
public final class ServeMetrics implements CoreListener, CallObserver {

    private static final Duration[] SLO = {
        Duration.ofNanos(100_000),
        Duration.ofNanos(250_000),
        Duration.ofNanos(500_000),
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5)
    };

    static final String REQUESTS = "slipway_requests";
    static final String REQUEST_SECONDS = "slipway_request_seconds";
    static final String QUEUE_SECONDS = "slipway_queue_seconds";
    static final String BATCH_ROWS = "slipway_batch_rows";
    static final String OK = "ok";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LiveMetrics live = new LiveMetrics(registry, registry.config().clock());
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> batches = new ConcurrentHashMap<>();

    public ServeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Exposes the queue depth of every model {@code core} serves. */
    public void watch(InferenceCore core) {
        Gauge.builder(
                        "slipway_queue_rows",
                        core,
                        c -> c.models().stream().mapToInt(ServedModel::queuedRows).sum())
                .description("Rows waiting in the model queues")
                .register(registry);
        Gauge.builder("slipway_models_ready", core, c -> c.ready() ? 1 : 0)
                .description("1 when every served model answers")
                .register(registry);
    }

    /** Exposes a counter read from {@code source}, e.g. the prediction log's dropped rows. */
    public <T> void counter(String name, String help, T source, ToDoubleFunction<T> read) {
        FunctionCounter.builder(name, source, read).description(help).register(registry);
    }

    /** Exposes a gauge read from {@code source}. */
    public <T> void gauge(String name, String help, T source, ToDoubleFunction<T> read) {
        Gauge.builder(name, source, read).description(help).register(registry);
    }

    /** Counts an answered request and its latencies. */
    @Override
    public void answered(Call call, Inference r) {
        String version = Integer.toString(r.version());
        count(r.model(), version, call.protocol().label(), OK);
        long total = System.nanoTime() - call.startNanos();
        timer(REQUEST_SECONDS, r.model(), call.protocol().label())
                .record(total, TimeUnit.NANOSECONDS);
        timer(QUEUE_SECONDS, r.model(), "").record(r.queueNanos(), TimeUnit.NANOSECONDS);
    }

    /** Counts a failed request. {@code model} is empty when the request named none. */
    @Override
    public void failed(Call call, String model, Throwable error) {
        count(model, "", call.protocol().label(), ErrorKind.of(error).label());
        timer(REQUEST_SECONDS, model, call.protocol().label())
                .record(System.nanoTime() - call.startNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void batch(String model, int version, int requests, int rows, long inferNanos) {
        timer("slipway_inference_seconds", model, "").record(inferNanos, TimeUnit.NANOSECONDS);
        batches.computeIfAbsent(
                        model,
                        m ->
                                DistributionSummary.builder(BATCH_ROWS)
                                        .description("Rows per model call")
                                        .tag("model", m)
                                        .serviceLevelObjectives(
                                                1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096, 16384)
                                        .register(registry))
                .record(rows);
    }

    @Override
    public void loaded(String model, int version, long millis) {
        registry.gauge(
                "slipway_model_load_seconds",
                io.micrometer.core.instrument.Tags.of(
                        "model", model, "version", Integer.toString(version)),
                millis / 1000.0);
    }

    @Override
    public void loadFailed(String model, String ref, String reason) {
        registry.counter("slipway_model_load_failures_total", "model", model).increment();
    }

    /** The request, latency and batch numbers of the last seconds, for the console's Live page. */
    public LiveMetrics live() {
        return live;
    }

    /** The metrics in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    private void count(String model, String version, String protocol, String status) {
        String key = model + '\u0000' + version + '\u0000' + protocol + '\u0000' + status;
        Counter c = requests.get(key);
        if (c == null) {
            c =
                    requests.computeIfAbsent(
                            key,
                            k ->
                                    Counter.builder(REQUESTS)
                                            .description(
                                                    "Prediction requests by model, version, protocol and status")
                                            .tags(
                                                    "model",
                                                    model,
                                                    "version",
                                                    version,
                                                    "protocol",
                                                    protocol,
                                                    "status",
                                                    status)
                                            .register(registry));
        }
        c.increment();
    }

    private Timer timer(String name, String model, String protocol) {
        String key = name + '\u0000' + model + '\u0000' + protocol;
        Timer t = timers.get(key);
        if (t == null) {
            t =
                    timers.computeIfAbsent(
                            key,
                            k -> {
                                Timer.Builder b =
                                        Timer.builder(name)
                                                .tag("model", model)
                                                .serviceLevelObjectives(SLO);
                                if (!protocol.isEmpty()) {
                                    b.tag("protocol", protocol);
                                }
                                return b.register(registry);
                            });
        }
        return t;
    }
}
