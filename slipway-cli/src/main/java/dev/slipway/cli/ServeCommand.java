package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.serve.ServerConfig;
import dev.slipway.serve.SlipwayServer;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.core.ServedModel;
import dev.slipway.serve.grpc.GrpcOptions;
import dev.slipway.serve.http.HttpOptions;
import dev.slipway.serve.log.PredictionLogOptions;
import dev.slipway.serve.monitor.AlertOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway serve}: the model server. */
@Command(
        name = "serve",
        description = {
            "Serve models over the Open Inference Protocol (REST /v2 and gRPC), MLflow's scoring",
            "protocol (/invocations), a management API (/api/v1) and Prometheus /metrics.",
            "Serves every model that has an alias (its champion, else its first alias), or the",
            "ones named, and switches to a new version when an alias moves. Every answered",
            "request goes to the prediction log (Parquet under <home>/logs/predictions).",
            "Stops gracefully on SIGTERM or Ctrl-C: finishes requests in flight, writes the log."
        },
        footer = {
            "",
            "Examples:",
            "  slipway serve",
            "  slipway serve --models adult-income@champion --port 9000 --grpc-port 9001",
            "  slipway serve --host 0.0.0.0 --tls-cert cert.pem --tls-key key.pem   (tokens required)",
            "  slipway serve --alert-rules alerts.yaml --monitor-every 1m --monitor-window 1d",
            "  curl -s localhost:8080/v2/models/adult-income",
            "",
            "API tokens are required when --host is not a loopback address (create one with",
            "'slipway tokens create'), and off on 127.0.0.1 unless --tokens required."
        })
final class ServeCommand extends LayerCommand {

    @Option(
            names = "--host",
            paramLabel = "ADDR",
            description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port = 8080;

    @Option(
            names = "--grpc-port",
            paramLabel = "N",
            description = "gRPC port (default: ${DEFAULT-VALUE}; 0: any free port; -1: no gRPC).")
    int grpcPort = 8081;

    @Option(
            names = "--models",
            split = ",",
            paramLabel = "REF",
            description =
                    "Models to serve, e.g. adult-income@champion,iris/3 (default: every model with an alias).")
    List<String> models = new ArrayList<>();

    @Option(
            names = "--mlflow-model",
            paramLabel = "NAME",
            description = "The model POST /invocations serves when several are served.")
    Optional<String> mlflowModel = Optional.empty();

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Certificate chain (PEM): serve HTTPS and gRPC over TLS.")
    Optional<Path> tlsCert = Optional.empty();

    @Option(
            names = "--tls-key",
            paramLabel = "PEM",
            description = "Private key (PEM) of --tls-cert.")
    Optional<Path> tlsKey = Optional.empty();

    @Option(
            names = "--tokens",
            paramLabel = "MODE",
            description =
                    "API tokens: auto (required off loopback), required, off (default: ${DEFAULT-VALUE}).")
    ServerConfig.TokenMode tokens = ServerConfig.TokenMode.AUTO;

    @Option(
            names = "--max-batch",
            paramLabel = "ROWS",
            description = "Most rows per model call (default: ${DEFAULT-VALUE}).")
    int maxBatch = 256;

    @Option(
            names = "--batch-delay",
            paramLabel = "DURATION",
            description =
                    "How long to wait to fill a batch, e.g. 2ms (default: 0: batch only what queued).")
    String batchDelay = "0ms";

    @Option(
            names = "--queue-rows",
            paramLabel = "ROWS",
            description = "Rows that may wait per model before 503 (default: ${DEFAULT-VALUE}).")
    int queueRows = 100_000;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "Longest wait in a queue (default: ${DEFAULT-VALUE}).")
    String timeout = "30s";

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Threads per model (default: one per core).")
    Optional<Integer> workers = Optional.empty();

    @Option(
            names = "--event-loops",
            paramLabel = "N",
            description = "HTTP threads (default: one per core).")
    Optional<Integer> eventLoops = Optional.empty();

    @Option(
            names = "--poll",
            paramLabel = "DURATION",
            description =
                    "How often to check aliases for moves (default: ${DEFAULT-VALUE}; 0: never).")
    String poll = "2s";

    @Option(names = "--no-prediction-log", description = "Keep no prediction log.")
    boolean noPredictionLog;

    @Option(
            names = "--no-access-log",
            description = "Write no access log (<home>/logs/access.log).")
    boolean noAccessLog;

    @Option(
            names = "--alert-rules",
            paramLabel = "FILE",
            description =
                    "Alert rules (YAML or JSON) to check while serving, notifying their webhooks.")
    Optional<Path> alertRules = Optional.empty();

    @Option(
            names = "--monitor-every",
            paramLabel = "DURATION",
            description = "How often --alert-rules are checked (default: 5m).")
    Optional<String> monitorEvery = Optional.empty();

    @Option(
            names = "--monitor-window",
            paramLabel = "DURATION",
            description =
                    "How far back each check looks: [now - window, now), e.g. 1h or 1d (default: 1h).")
    Optional<String> monitorWindow = Optional.empty();

    @Override
    int run(Services services) {
        long t0 = System.nanoTime();
        ServerConfig config = config();
        SlipwayServer server =
                SlipwayServer.start(
                        services.home(), services.registry(), config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            err().println(
                                            "Stopping: finishing requests in flight and writing the prediction log...");
                            err().flush();
                            server.close();
                            err().println("Stopped.");
                            err().flush();
                            stopped.countDown();
                            // A signal ended the JVM: exit 0, the documented result of a graceful
                            // stop.
                            Runtime.getRuntime().halt(ExitCode.OK);
                        },
                        "slipway-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        double seconds = (System.nanoTime() - t0) / 1e9;
        report(server, seconds);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private ServerConfig config() {
        HttpOptions http =
                HttpOptions.defaults().withAddress(host, port).withMlflowModel(mlflowModel);
        if (tlsCert.isPresent() || tlsKey.isPresent()) {
            if (tlsCert.isEmpty() || tlsKey.isEmpty()) {
                throw InvalidInputException.of(
                        "--tls-cert", "TLS needs both --tls-cert and --tls-key");
            }
            http = http.withTls(tlsCert.get(), tlsKey.get());
        }
        if (eventLoops.isPresent()) {
            http = http.withEventLoops(eventLoops.get());
        }
        Optional<GrpcOptions> grpc = Optional.empty();
        if (grpcPort >= 0) {
            GrpcOptions g = GrpcOptions.defaults().withAddress(host, grpcPort);
            if (tlsCert.isPresent()) {
                g = g.withTls(tlsCert.get(), tlsKey.get());
            }
            grpc = Optional.of(g);
        }
        CoreOptions core =
                CoreOptions.defaults()
                        .withBatching(maxBatch, Durations.parse("--batch-delay", batchDelay))
                        .withQueueCapacityRows(queueRows)
                        .withTimeout(Durations.parse("--timeout", timeout))
                        .withPollInterval(Durations.parse("--poll", poll));
        if (workers.isPresent()) {
            core = core.withWorkers(workers.get(), core.inlineMaxRows());
        }
        List<ModelRef> refs =
                models.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(ModelRef::parse)
                        .toList();
        String version = Main.class.getPackage().getImplementationVersion();
        return ServerConfig.defaults()
                .withModels(refs)
                .withHttp(http)
                .withGrpc(grpc)
                .withCore(core)
                .withLog(
                        noPredictionLog
                                ? Optional.empty()
                                : Optional.of(PredictionLogOptions.defaults()))
                .withAccessLog(!noAccessLog)
                .withTokens(tokens)
                .withVersion(version == null ? "dev" : version)
                .withAlerts(alerts());
    }

    private Optional<AlertOptions> alerts() {
        if (alertRules.isEmpty()) {
            if (monitorEvery.isPresent() || monitorWindow.isPresent()) {
                throw InvalidInputException.of(
                        "--monitor-every",
                        "--monitor-every and --monitor-window pace the checks of --alert-rules; give --alert-rules FILE too");
            }
            return Optional.empty();
        }
        AlertOptions a = AlertOptions.of(alertRules.get());
        if (monitorEvery.isPresent()) {
            a = a.withEvery(Durations.parse("--monitor-every", monitorEvery.get()));
        }
        if (monitorWindow.isPresent()) {
            String w = monitorWindow.get().trim().toLowerCase(Locale.ROOT);
            a =
                    a.withWindow(
                            w.matches("\\d{1,5}d")
                                    ? Duration.ofDays(
                                            Long.parseLong(w.substring(0, w.length() - 1)))
                                    : Durations.parse("--monitor-window", w));
        }
        return Optional.of(a);
    }

    private void report(SlipwayServer server, double seconds) {
        ServerConfig c = server.config();
        String scheme = c.http().tls() ? "https" : "http";
        String base = scheme + "://" + displayHost(c.http().host()) + ":" + server.httpPort();
        if (json) {
            ObjectNode n = Output.object();
            n.put("http", base);
            if (server.grpcPort().isPresent()) {
                n.put("grpc", displayHost(c.http().host()) + ":" + server.grpcPort().getAsInt());
            }
            n.put("tokens_required", c.tokensRequired());
            n.put("ready_seconds", seconds);
            n.put(
                    "prediction_log",
                    server.predictionLog().isPresent()
                            ? server.predictionLogDir().toString()
                            : null);
            ArrayNode arr = n.putArray("models");
            for (ServedModel m : server.core().models()) {
                ObjectNode e = arr.addObject();
                e.put("name", m.name());
                e.put("ref", m.ref());
                e.put("version", m.version().orElse(0));
                e.put("format", m.format());
                e.put("load_ms", m.loadMillis());
            }
            out().println(n.toString());
            out().flush();
            return;
        }
        for (ServedModel m : server.core().models()) {
            out().printf(
                            Locale.ROOT,
                            "Serving %s: version %d (%s), loaded in %d ms%n",
                            m.ref(),
                            m.version().orElse(0),
                            m.format(),
                            m.loadMillis());
        }
        out().printf(
                        Locale.ROOT,
                        "HTTP  %s  (Open Inference Protocol /v2, MLflow /invocations, /api/v1, /metrics)%n",
                        base);
        if (server.grpcPort().isPresent()) {
            out().printf(
                            Locale.ROOT,
                            "gRPC  %s:%d  (inference.GRPCInferenceService)%n",
                            displayHost(c.http().host()),
                            server.grpcPort().getAsInt());
        }
        out().printf(
                        Locale.ROOT,
                        "API tokens %s%n",
                        c.tokensRequired() ? "required (Authorization: Bearer <secret>)" : "off");
        if (server.predictionLog().isPresent()) {
            out().printf(Locale.ROOT, "Prediction log  %s%n", server.predictionLogDir());
        }
        c.alerts()
                .ifPresent(
                        a ->
                                out().printf(
                                                Locale.ROOT,
                                                "Alert rules  %s, checked every %s over the last %s%n",
                                                a.rules(),
                                                monitorEvery.orElse("5m"),
                                                monitorWindow.orElse("1h")));
        out().printf(
                        Locale.ROOT,
                        "Ready in %.1f s. Try: curl -s %s/v2/models/%s%n",
                        seconds,
                        base,
                        server.core().models().getFirst().name());
        out().flush();
    }

    private static String displayHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
