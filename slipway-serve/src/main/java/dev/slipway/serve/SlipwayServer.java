package dev.slipway.serve;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.alert.AlertHistory;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelSummary;
import dev.slipway.serve.core.Authorizer;
import dev.slipway.serve.core.CallObserver;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.serve.core.ServedModel;
import dev.slipway.serve.grpc.GrpcTransport;
import dev.slipway.serve.http.HomeApi;
import dev.slipway.serve.http.HttpTransport;
import dev.slipway.serve.http.ServerInfo;
import dev.slipway.serve.log.PredictionLog;
import dev.slipway.serve.metrics.ServeMetrics;
import dev.slipway.serve.monitor.AlertSchedule;
import dev.slipway.serve.monitor.RequestCounts;
import dev.slipway.serve.security.TokenAuthorizer;
import dev.slipway.serve.security.Tokens;
import dev.slipway.store.SlipwayHome;
import dev.slipway.train.Runs;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running model server: the inference core with its models, the HTTP and gRPC transports, the
 * metrics and the prediction log, wired on one home.
 *
 * <p>Thread-safe. {@link #close()} shuts down gracefully: stops accepting requests, answers those
 * in flight, writes the prediction log, releases the models.
 */
public final class SlipwayServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("slipway.serve");

    private final ServerConfig config;
    private final InferenceCore core;
    private final ServeMetrics metrics;
    private final Optional<PredictionLog> log;
    private final HttpTransport http;
    private final Optional<GrpcTransport> grpc;
    private final Path logDir;
    private final Optional<AlertSchedule> alerts;
    private boolean closed;

    private SlipwayServer(
            ServerConfig config,
            InferenceCore core,
            ServeMetrics metrics,
            Optional<PredictionLog> log,
            HttpTransport http,
            Optional<GrpcTransport> grpc,
            Path logDir,
            Optional<AlertSchedule> alerts) {
        this.config = config;
        this.core = core;
        this.metrics = metrics;
        this.log = log;
        this.http = http;
        this.grpc = grpc;
        this.logDir = logDir;
        this.alerts = alerts;
    }

    /**
     * Loads the models and starts listening; returns when the server is ready.
     *
     * @throws dev.slipway.api.SlipwayException when a model cannot be loaded or a port cannot be
     *     bound; nothing is left running then
     */
    public static SlipwayServer start(
            SlipwayHome home, ModelRegistry registry, ServerConfig config, Clock clock) {
        List<ModelRef> refs = config.models().isEmpty() ? aliased(registry) : config.models();
        if (refs.isEmpty()) {
            throw InvalidInputException.of(
                    "--models",
                    "there is no model to serve: no model in %s has an alias. Set one with 'slipway models alias set NAME champion VERSION', or name models with --models NAME@ALIAS"
                            .formatted(home.root()));
        }
        ServeMetrics metrics = new ServeMetrics();
        Path logDir = home.root().resolve("logs").resolve("predictions");
        Optional<PredictionLog> log = config.log().map(o -> PredictionLog.open(logDir, o, clock));
        InferenceCore core = new InferenceCore(registry, config.core(), clock, metrics);
        HttpTransport http = null;
        Optional<GrpcTransport> grpc = Optional.empty();
        HomeApi monitoring = homeApi(home, registry, clock);
        Optional<AlertSchedule> alerts = Optional.empty();
        // The models load on their own threads while the transports start; probes answer 503
        // until every model is in.
        ExecutorService loading =
                Executors.newFixedThreadPool(
                        Math.min(
                                refs.size(),
                                Math.max(1, Runtime.getRuntime().availableProcessors())),
                        Thread.ofPlatform().name("slipway-start-", 0).daemon().factory());
        List<CompletableFuture<ServedModel>> loads =
                refs.stream()
                        .map(ref -> CompletableFuture.supplyAsync(() -> core.load(ref), loading))
                        .toList();
        loading.shutdown();
        try {
            metrics.watch(core);
            Optional<RequestCounts> counts =
                    config.alerts()
                            .map(
                                    a ->
                                            new RequestCounts(
                                                    a.window(),
                                                    clock,
                                                    name -> core.find(name).isPresent()));
            if (config.alerts().isPresent()) {
                alerts =
                        Optional.of(
                                AlertSchedule.start(
                                        config.alerts().get(),
                                        home.metadata(),
                                        monitoring.monitor(),
                                        () ->
                                                core.models().stream()
                                                        .map(ServedModel::name)
                                                        .distinct()
                                                        .toList(),
                                        counts.orElseThrow(),
                                        clock));
            }
            log.ifPresent(
                    l -> {
                        metrics.counter(
                                "slipway_prediction_log_dropped_rows",
                                "Rows the prediction log dropped because its buffer was full",
                                l,
                                PredictionLog::droppedRows);
                        metrics.counter(
                                "slipway_prediction_log_written_rows",
                                "Rows written to the prediction log",
                                l,
                                PredictionLog::writtenRows);
                        metrics.gauge(
                                "slipway_prediction_log_pending_rows",
                                "Rows waiting to be written to the prediction log",
                                l,
                                PredictionLog::pendingRows);
                    });
            List<CallObserver> observers = new ArrayList<>();
            observers.add(metrics);
            log.ifPresent(l -> observers.add(new LogObserver(l, clock)));
            counts.ifPresent(observers::add);
            Gateway gateway = new Gateway(core, observers);
            Authorizer authorizer =
                    config.tokensRequired()
                            ? new TokenAuthorizer(new Tokens(home, clock, new SecureRandom()))
                            : Authorizer.allowAll();
            if (config.grpc().isPresent()) {
                grpc =
                        Optional.of(
                                GrpcTransport.start(
                                        gateway,
                                        config.grpc().get(),
                                        authorizer,
                                        config.version()));
            }
            ServerInfo info =
                    new ServerInfo(
                            "slipway",
                            config.version(),
                            clock.instant(),
                            grpc.map(g -> OptionalInt.of(g.port())).orElse(OptionalInt.empty()),
                            home.root().toString());
            http =
                    HttpTransport.start(
                            gateway,
                            registry,
                            config.http(),
                            authorizer,
                            metrics,
                            info,
                            config.accessLog()
                                    ? Optional.of(home.root().resolve("logs").resolve("access.log"))
                                    : Optional.empty(),
                            clock,
                            Optional.of(monitoring));
            for (CompletableFuture<ServedModel> load : loads) {
                try {
                    load.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            return new SlipwayServer(config, core, metrics, log, http, grpc, logDir, alerts);
        } catch (RuntimeException e) {
            loads.forEach(l -> l.cancel(false));
            if (http != null) {
                http.close(java.time.Duration.ZERO);
            }
            grpc.ifPresent(GrpcTransport::close);
            core.close();
            log.ifPresent(PredictionLog::close);
            if (alerts.isPresent()) {
                alerts.get().close(java.time.Duration.ZERO);
            }
            throw e;
        }
    }

    /**
     * The monitoring API's monitor: DuckDB on at most half the cores, so that reports do not starve
     * the models.
     */
    private static HomeApi homeApi(SlipwayHome home, ModelRegistry registry, Clock clock) {
        DataLimits d = DataLimits.defaults();
        DataLimits limits = new DataLimits(d.duckdbMemoryMb(), Math.max(1, d.threads() / 2));
        Datasets datasets = new Datasets(home, clock, limits);
        Monitor monitor = new Monitor(home, registry, datasets, limits, clock);
        return new HomeApi(monitor, new AlertHistory(home.metadata()), datasets, new Runs(home));
    }

    /** Every model with an alias, following its {@code champion} alias or else its first. */
    static List<ModelRef> aliased(ModelRegistry registry) {
        List<ModelRef> refs = new ArrayList<>();
        for (ModelSummary s : registry.list()) {
            Map<String, Integer> aliases = s.aliases();
            if (aliases.isEmpty()) {
                continue;
            }
            String alias =
                    aliases.containsKey("champion")
                            ? "champion"
                            : aliases.keySet().iterator().next();
            refs.add(new ModelRef.Alias(s.name(), alias));
        }
        return refs;
    }

    /** The port HTTP listens on. */
    public int httpPort() {
        return http.port();
    }

    /** The port gRPC listens on, when it is on. */
    public OptionalInt grpcPort() {
        return grpc.map(g -> OptionalInt.of(g.port())).orElse(OptionalInt.empty());
    }

    /** The inference core, with the models served. */
    public InferenceCore core() {
        return core;
    }

    /** The prediction log, when it is kept. */
    public Optional<PredictionLog> predictionLog() {
        return log;
    }

    /** The folder of the prediction log's Parquet partitions. */
    public Path predictionLogDir() {
        return logDir;
    }

    /** The server's metrics. */
    public ServeMetrics metrics() {
        return metrics;
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /**
     * Stops accepting requests, answers those in flight, writes the prediction log, releases the
     * models, and stops the alert checks (waiting for webhook deliveries under way). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.log(System.Logger.Level.INFO, "shutting down: finishing requests in flight");
        http.close(config.grace());
        grpc.ifPresent(g -> g.close(config.grace()));
        core.close();
        log.ifPresent(PredictionLog::close);
        alerts.ifPresent(a -> a.close(config.grace()));
    }
}
