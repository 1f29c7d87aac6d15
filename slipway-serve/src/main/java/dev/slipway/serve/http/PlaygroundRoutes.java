package dev.slipway.serve.http;

import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelVersion;
import dev.slipway.serve.core.Authorizer.Need;
import dev.slipway.serve.core.ServedModel;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What the console's playground needs to build a form for a model and try it: {@code GET
 * /api/v1/models/{m}/playground} gives the inputs in signature order with the ranges and categories
 * seen in the model's training data, a real training row to start from, the outputs, the task and
 * the URLs that predict; {@code GET /api/v1/models/{m}/playground/random-row?seed=N} gives a real
 * training row, the same for the same seed. Both need the {@code predict} scope.
 *
 * <p>{@code ?version=N} or {@code ?alias=A} choose the model version; by default the version the
 * server serves, else the {@code champion} alias, else the latest version.
 *
 * <p>Reading the training data takes DuckDB and the blob store: it runs on a small pool of its own
 * ({@value #POOL} threads), never on an event loop, and its result is kept per model version
 * ({@link PlaygroundCache}, shared by every event loop's router).
 */
final class PlaygroundRoutes {

    static final String POOL_NAME = "slipway-playground";
    static final int POOL = 2;

    private static final String MODEL = "/api/v1/models/:name/playground";

    private final Web web;
    private final HomeApi home;
    private final WorkerExecutor pool;
    private final PlaygroundCache cache;

    PlaygroundRoutes(Web web, HomeApi home) {
        this.web = web;
        this.home = home;
        this.pool = web.vertx().createSharedWorkerExecutor(POOL_NAME, POOL, 10, TimeUnit.MINUTES);
        this.cache = PlaygroundCache.of(web.vertx());
    }

    void mount(Router router) {
        router.get(MODEL).handler(ctx -> read(ctx, () -> form(ctx)));
        router.get(MODEL + "/random-row").handler(ctx -> read(ctx, () -> randomRow(ctx)));
    }

    private Map<String, Object> form(RoutingContext ctx) {
        Chosen c = choose(ctx);
        ModelManifest manifest = web.registry().manifest(c.version());
        TrainingRows data = cache.get(c.version(), manifest, home.datasets());
        Signature s = manifest.signature();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", c.version().name());
        out.put("version", c.version().version());
        out.put("chosen_by", c.why());
        out.put("format", c.version().format());
        out.put("task", manifest.task().map(t -> t.label()).orElse(null));
        out.put("classes", classes(manifest));
        Optional<ServedModel> served = web.gateway().core().find(c.version().name());
        out.put("served", served.map(PlaygroundRoutes::served).orElse(null));
        out.put("hints", data.hints());
        out.put("training_data", data.source().map(TrainingRows.Source::json).orElse(null));
        List<Object> inputs = new ArrayList<>();
        for (ColumnSpec spec : s.inputs()) {
            inputs.add(data.input(spec));
        }
        out.put("inputs", inputs);
        out.put("outputs", s.outputs().stream().map(PlaygroundRoutes::output).toList());
        out.put("default_row", data.first().map(TrainingRows.Row::json).orElse(null));
        out.put("endpoints", endpoints(c.version(), served));
        return out;
    }

    private Map<String, Object> randomRow(RoutingContext ctx) {
        long seed = seed(ctx);
        Chosen c = choose(ctx);
        ModelManifest manifest = web.registry().manifest(c.version());
        TrainingRows data = cache.get(c.version(), manifest, home.datasets());
        TrainingRows.Row row =
                data.random(seed)
                        .orElseThrow(
                                () ->
                                        new ConflictException(
                                                "%s has no training rows to draw from: %s; type the values into the form instead, or use a model trained with 'slipway train'"
                                                        .formatted(c.version(), data.why())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", c.version().name());
        out.put("version", c.version().version());
        out.put("seed", seed);
        out.putAll(row.json());
        return out;
    }

    /** A model version and why it was chosen. */
    private record Chosen(ModelVersion version, String why) {}

    private Chosen choose(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Optional<String> version = param(ctx, "version");
        Optional<String> alias = param(ctx, "alias");
        if (version.isPresent() && alias.isPresent()) {
            throw InvalidInputException.of(
                    "version",
                    "give either version=N or alias=A, not both (got version=%s and alias=%s)"
                            .formatted(version.get(), alias.get()));
        }
        web.registry().model(name);
        if (version.isPresent()) {
            int n = positive(version.get(), "version", "a version number from 1, e.g. version=2");
            return new Chosen(
                    web.registry().resolve(new ModelRef.Version(name, n)), "version " + n);
        }
        if (alias.isPresent()) {
            return new Chosen(
                    web.registry().resolve(new ModelRef.Alias(name, alias.get())),
                    "alias " + alias.get());
        }
        Optional<ServedModel> served = web.gateway().core().find(name);
        if (served.isPresent() && served.get().version().isPresent()) {
            int n = served.get().version().getAsInt();
            return new Chosen(web.registry().resolve(new ModelRef.Version(name, n)), "served");
        }
        ModelRef ref = HttpTransport.defaultRef(web, name);
        String why = ref instanceof ModelRef.Alias a ? "alias " + a.alias() : "latest";
        return new Chosen(web.registry().resolve(ref), why);
    }

    private static long seed(RoutingContext ctx) {
        String text =
                param(ctx, "seed")
                        .orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                "seed",
                                                "give seed=N, a whole number; the same seed gives the same row"));
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(
                    "seed",
                    "seed must be a whole number (the same seed gives the same row), got '%s'"
                            .formatted(text));
        }
    }

    private static int positive(String text, String what, String expected) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of(
                what, "%s must be %s, got '%s'".formatted(what, expected, text));
    }

    private static Optional<String> param(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty() || values.getFirst().isBlank()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw InvalidInputException.of(
                    name, "give %s once, got it %d times".formatted(name, values.size()));
        }
        return Optional.of(values.getFirst().strip());
    }

    private static List<String> classes(ModelManifest m) {
        if (m.pipeline().isPresent() && !m.pipeline().get().classes().isEmpty()) {
            return m.pipeline().get().classes();
        }
        Optional<ColumnSpec> probabilities = m.signature().findOutput(Signature.PROBABILITIES);
        if (probabilities.isEmpty()) {
            // An imported model names its own outputs: its labelled one holds the classes.
            probabilities =
                    m.signature().outputs().stream().filter(o -> o.labels().size() > 1).findFirst();
        }
        return probabilities.map(ColumnSpec::labels).orElse(List.of());
    }

    private static Map<String, Object> served(ServedModel m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ref", m.ref());
        e.put("state", m.state().name().toLowerCase(Locale.ROOT));
        e.put("version", m.version().isPresent() ? m.version().getAsInt() : null);
        return e;
    }

    private static Map<String, Object> output(ColumnSpec c) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", c.name());
        e.put("datatype", c.dtype().protocolName());
        e.put("width", c.width());
        if (!c.labels().isEmpty()) {
            e.put("labels", c.labels());
        }
        return e;
    }

    /**
     * The paths that predict with this version: OIP's infer (the version's own path when another
     * version is served), MLflow's per-model invocations, and {@code /invocations} when it answers
     * with this model.
     */
    private Map<String, Object> endpoints(ModelVersion v, Optional<ServedModel> served) {
        String name = v.name();
        boolean same =
                served.isEmpty()
                        || served.get().version().isEmpty()
                        || served.get().version().getAsInt() == v.version();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(
                "oip",
                same
                        ? "/v2/models/" + name + "/infer"
                        : "/v2/models/" + name + "/versions/" + v.version() + "/infer");
        e.put("mlflow", "/models/" + name + "/invocations");
        List<String> servedNames =
                web.gateway().core().models().stream().map(ServedModel::name).toList();
        boolean invocations =
                web.options()
                        .mlflowModel()
                        .map(name::equals)
                        .orElse(servedNames.equals(List.of(name)));
        e.put("mlflow_default", invocations ? "/invocations" : null);
        return e;
    }

    private void read(RoutingContext ctx, Callable<Map<String, Object>> work) {
        web.authorize(ctx, Need.PREDICT);
        web.answer(ctx, pool.executeBlocking(work, false));
    }
}
