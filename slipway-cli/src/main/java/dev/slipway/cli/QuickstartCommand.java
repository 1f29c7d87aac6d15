package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.StoreException;
import dev.slipway.api.UnavailableException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ImportResult;
import dev.slipway.data.ProgressListener;
import dev.slipway.registry.ModelVersion;
import dev.slipway.serve.ServerConfig;
import dev.slipway.serve.SlipwayServer;
import dev.slipway.serve.http.HttpOptions;
import dev.slipway.serve.log.PredictionLogOptions;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.TrainingListener;
import dev.slipway.train.TrainingResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway quickstart}: the whole job on the bundled Adult census data, in one command.
 * Imports the data, trains and registers {@code adult-income@champion}, serves it, replays part of
 * the test data through the server (then a shifted slice, so that monitoring has drift to show),
 * posts the labels, and leaves the server running. Running it again reuses what exists.
 */
@Command(
        name = "quickstart",
        description = {
            "Run Slipway end to end on the bundled UCI Adult census data: import it, train and",
            "register adult-income@champion, serve it, replay part of the test data as traffic",
            "(then a shifted slice, so that monitoring has something to show), post the labels,",
            "and keep the server running until Ctrl-C. Running it again reuses what exists."
        },
        footer = {
            "",
            "Examples:",
            "  slipway quickstart",
            "  slipway quickstart --port 9000 --home /tmp/slipway-demo",
            "  slipway quickstart --no-serve --json"
        })
final class QuickstartCommand extends LayerCommand {

    static final String MODEL = "adult-income";
    static final String ALIAS = "champion";
    static final String DATASET = "adult";
    static final int NORMAL_ROWS = 1000;
    static final int SHIFTED_ROWS = 1000;
    private static final String RESOURCES = "/dev/slipway/cli/quickstart/";
    private static final int STEPS = 7;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "HTTP port of the server (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port = 8080;

    @Option(
            names = "--no-serve",
            description =
                    "Stop the server once the traffic is replayed, instead of leaving it running.")
    boolean noServe;

    /** What one step did. */
    record Step(int number, String name, String status, double seconds, String detail) {}

    private final List<Step> steps = new ArrayList<>();

    @Override
    int run(Services services) {
        if (port < 0 || port > 65_535) {
            throw InvalidInputException.of(
                    "--port", "the port must be 0 (any free port) to 65535, not " + port);
        }
        requireFreePort(); // before the work, so that a taken port fails fast
        Path root = services.home().root();

        // 1. The data.
        long t = System.nanoTime();
        Path dir = root.resolve("examples").resolve(DATASET);
        Path train = unpack(dir, "adult_train.csv");
        Path test = unpack(dir, "adult_test.csv");
        unpack(dir, "SOURCES.md");
        ImportResult imported =
                services.datasets()
                        .importFile(
                                train, DATASET, ImportOptions.defaults(), ProgressListener.NONE);
        DatasetVersion data = imported.version();
        step(
                "import the Adult census data",
                imported.created(),
                t,
                "%s@%s: %s rows, %d columns (from %s)"
                        .formatted(
                                data.dataset(),
                                data.id(),
                                Output.num(data.rows()),
                                data.schema().size(),
                                train));

        // 2. The model.
        t = System.nanoTime();
        Optional<ModelVersion> existing = champion(services, data);
        ModelVersion model;
        Optional<Map<String, Double>> metrics = Optional.empty();
        if (existing.isPresent()) {
            model = existing.get();
        } else {
            TrainSpec spec = TrainSpec.of(data.ref(), "income").withModelName(MODEL);
            TrainingResult r = services.training().train(spec, TrainingListener.NONE);
            model = services.registry().setAlias(MODEL, ALIAS, r.model().version());
            metrics = Optional.of(r.evaluation().summary());
        }
        step(
                "train and register " + MODEL + "@" + ALIAS,
                existing.isEmpty(),
                t,
                model
                        + metrics.map(m -> ": " + RunViews.metricsLine(m))
                                .orElse(" (trained on " + data.dataset() + "@" + data.id() + ")"));

        // 3. The server.
        t = System.nanoTime();
        requireFreePort();
        SlipwayServer server = start(services);
        String url = "http://127.0.0.1:" + server.httpPort();
        boolean keep = false;
        QuickstartLog.Counts counts;
        try {
            step("start the server", "started", t, url + "/");

            // 4-7. The traffic, the labels, the log.
            boolean replayed =
                    QuickstartLog.exists(services.home(), MODEL)
                            && services.monitor().labelCount(MODEL) > 0;
            if (replayed) {
                for (String name :
                        List.of(
                                "replay test rows as traffic",
                                "replay shifted rows as traffic",
                                "post the labels")) {
                    step(name, false, System.nanoTime(), "already done");
                }
            } else {
                List<Map<String, String>> rows =
                        QuickstartTraffic.readCsv(test, NORMAL_ROWS + SHIFTED_ROWS);
                QuickstartTraffic traffic = new QuickstartTraffic(url, MODEL);
                t = System.nanoTime();
                List<Map<String, String>> normal =
                        rows.subList(0, Math.min(NORMAL_ROWS, rows.size()));
                traffic.replay(normal);
                step(
                        "replay test rows as traffic",
                        true,
                        t,
                        "%d rows in requests of %d"
                                .formatted(normal.size(), QuickstartTraffic.PER_REQUEST));
                t = System.nanoTime();
                List<Map<String, String>> shifted =
                        QuickstartTraffic.shift(rows.subList(normal.size(), rows.size()));
                traffic.replay(shifted);
                step(
                        "replay shifted rows as traffic",
                        true,
                        t,
                        "%d rows, ages + 10, every third Private row Self-emp-not-inc"
                                .formatted(shifted.size()));
                t = System.nanoTime();
                long stored = traffic.postLabels();
                step("post the labels", true, t, stored + " labels stored");
            }
            t = System.nanoTime();
            server.predictionLog().ifPresent(l -> l.flush());
            counts = QuickstartLog.counts(services, MODEL);
            step(
                    "flush the prediction log",
                    !replayed,
                    t,
                    "%d rows logged, %d labelled".formatted(counts.logRows(), counts.labels()));
            report(services, data, model, url, counts);
            keep = !noServe;
        } finally {
            if (!keep) {
                server.close();
            }
        }
        if (keep) {
            serveUntilStopped(server);
        }
        return ExitCode.OK;
    }

    /** The champion, when it was trained on {@code data}. */
    private static Optional<ModelVersion> champion(Services services, DatasetVersion data) {
        ModelVersion v;
        try {
            v = services.registry().resolve(new ModelRef.Alias(MODEL, ALIAS));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        boolean same =
                v.lineage().datasetName().equals(Optional.of(data.dataset()))
                        && v.lineage().datasetVersion().equals(Optional.of(data.id()));
        return same ? Optional.of(v) : Optional.empty();
    }

    private void requireFreePort() {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw portInUse(e.getMessage());
        }
    }

    private ConflictException portInUse(String reason) {
        return new ConflictException(
                "port %d on 127.0.0.1 is in use (%s): stop what uses it, or choose another port with --port N (--port 0 takes any free port)"
                        .formatted(port, reason));
    }

    private SlipwayServer start(Services services) {
        String version = Main.class.getPackage().getImplementationVersion();
        ServerConfig config =
                ServerConfig.defaults()
                        .withModels(List.of(new ModelRef.Alias(MODEL, ALIAS)))
                        .withHttp(HttpOptions.defaults().withAddress("127.0.0.1", port))
                        .withGrpc(Optional.empty())
                        .withLog(Optional.of(PredictionLogOptions.defaults()))
                        .withVersion(version == null ? "dev" : version);
        try {
            return SlipwayServer.start(
                    services.home(), services.registry(), config, Clock.systemUTC());
        } catch (UnavailableException e) {
            if (e.getMessage() != null && e.getMessage().contains("cannot listen")) {
                throw portInUse(e.getMessage());
            }
            throw e;
        }
    }

    private void serveUntilStopped(SlipwayServer server) {
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
                            Runtime.getRuntime().halt(ExitCode.OK);
                        },
                        "slipway-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err().println("Serving at http://127.0.0.1:" + server.httpPort() + "/ (Ctrl-C stops it)");
        err().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(
            Services services,
            DatasetVersion data,
            ModelVersion model,
            String url,
            QuickstartLog.Counts counts) {
        String homeOption = homeOptions.home.isPresent() ? " --home " + services.home().root() : "";
        // Without a server left running, the example targets the one 'slipway serve' starts.
        String target = noServe ? "http://127.0.0.1:8080" : url;
        String curl =
                "curl -s -H 'Content-Type: application/json' %s/v2/models/%s/infer -d '%s'"
                        .formatted(target, MODEL, exampleRequest());
        String monitor =
                "slipway monitor report --model " + MODEL + " --out report.html" + homeOption;
        if (json) {
            ObjectNode n = Output.object();
            n.put("home", services.home().root().toString());
            ArrayNode arr = n.putArray("steps");
            for (Step s : steps) {
                ObjectNode e = arr.addObject();
                e.put("step", s.number());
                e.put("name", s.name());
                e.put("status", s.status());
                e.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
                e.put("detail", s.detail());
            }
            n.put("dataset", data.dataset() + "@" + data.id());
            n.put("dataset_rows", data.rows());
            n.put("model", model.toString());
            n.put("model_version", model.version());
            n.put("alias", MODEL + "@" + ALIAS);
            n.put("url", url + "/");
            n.put("serving", !noServe);
            n.put("log_rows", counts.logRows());
            n.put("labels", counts.labels());
            n.put("curl", curl);
            n.put("monitor", monitor);
            Output.json(out(), n);
            return;
        }
        PrintWriter o = out();
        o.println();
        o.println(
                "Console:  "
                        + (noServe
                                ? url + "/ (stopped: --no-serve; 'slipway serve' serves it again)"
                                : url + "/"));
        o.println("Model:    " + model + " (" + MODEL + "@" + ALIAS + ")");
        o.printf(
                Locale.ROOT,
                "Logged:   %d predictions, %d labels%n",
                counts.logRows(),
                counts.labels());
        o.println();
        o.println("Try:");
        if (noServe) {
            o.println("  slipway serve" + homeOption + "   # on " + target + "/, then:");
        }
        o.println("  " + curl);
        o.println("  " + monitor);
        o.flush();
    }

    /** An OIP request body for the first row of the bundled test data. */
    private static String exampleRequest() {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        String[] names = {
            "age", "workclass", "fnlwgt", "education", "education-num", "marital-status",
            "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
            "hours-per-week", "native-country"
        };
        String[] values = {
            "25", "Private", "226802", "11th", "7", "Never-married", "Machine-op-inspct",
            "Own-child", "Black", "Male", "0", "0", "40", "United-States"
        };
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], values[i]);
        }
        ObjectNode request = QuickstartTraffic.request(List.of(row));
        return request.toString();
    }

    private void step(String name, boolean created, long startNanos, String detail) {
        step(name, created ? "created" : "reused", startNanos, detail);
    }

    private void step(String name, String status, long startNanos, String detail) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Step s = new Step(steps.size() + 1, name, status, seconds, detail);
        steps.add(s);
        PrintWriter w = json ? err() : out();
        w.printf(
                Locale.ROOT,
                "[%d/%d] %s: %s (%.1f s)%n      %s%n",
                s.number(),
                STEPS,
                name,
                s.status(),
                seconds,
                detail);
        w.flush();
    }

    private static Path unpack(Path dir, String name) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = QuickstartCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new StoreException(
                        "the bundled file " + name + " is missing from this build");
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new StoreException(
                    "cannot unpack " + name + " into " + dir + ": " + e.getMessage(), e);
        }
    }
}
