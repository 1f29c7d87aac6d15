package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.SlipwayException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelVersion;
import dev.slipway.serve.core.Authorizer.Need;
import dev.slipway.train.Run;
import dev.slipway.train.Runs;
import dev.slipway.train.metrics.EvaluationCodec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The training runs over HTTP, for the console's Runs page and scripts: {@code GET /api/v1/runs}
 * (newest first, optionally one dataset's), {@code GET /api/v1/runs/{id}} (one run in full, with
 * its model's evaluation and a tuning's trials) and {@code GET /api/v1/runs/compare?ids=a,b} (runs
 * side by side). Every route needs the {@code predict} scope; the reads of the metadata and blob
 * stores run on Vert.x's worker pool, never on an event loop.
 */
final class RunsRoutes {

    private static final String RUNS = "/api/v1/runs";
    private static final Set<String> LIST_PARAMS = Set.of("dataset", "trials");
    private static final Set<String> COMPARE_PARAMS = Set.of("ids");
    private static final String EVALUATION_FILE = "evaluation.json";

    private final Web web;
    private final HomeApi home;

    RunsRoutes(Web web, HomeApi home) {
        this.web = web;
        this.home = home;
    }

    void mount(Router router) {
        router.get(RUNS).handler(this::list);
        // Before /:id, which would take "compare" for a run id.
        router.get(RUNS + "/compare").handler(this::compare);
        router.get(RUNS + "/:id").handler(this::show);
    }

    private void list(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        Map<String, String> q = QueryParams.check(ctx.queryParams(), LIST_PARAMS);
        Optional<String> dataset = Optional.ofNullable(q.get("dataset")).filter(s -> !s.isBlank());
        boolean withTrials = flag(q, "trials");
        blocking(ctx, () -> list(dataset, withTrials));
    }

    private List<Object> list(Optional<String> dataset, boolean withTrials) {
        List<Run> all = runs().list(dataset);
        Map<String, List<Run>> trials = new HashMap<>();
        for (Run r : all) {
            r.parent().ifPresent(p -> trials.computeIfAbsent(p, k -> new ArrayList<>()).add(r));
        }
        // Trials in the order they ran, as Runs.trials gives them.
        trials.values().forEach(t -> t.sort(RunsJson.NEWEST_FIRST.reversed()));
        return all.stream()
                .filter(r -> withTrials || r.kind() != Run.Kind.TRIAL)
                .sorted(RunsJson.NEWEST_FIRST)
                .map(r -> (Object) RunsJson.summary(r, trials.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private void show(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        String id = ctx.pathParam("id");
        QueryParams.check(ctx.queryParams(), Set.of());
        blocking(ctx, () -> show(id));
    }

    private Map<String, Object> show(String id) {
        Run run = known(() -> runs().get(id));
        List<Run> trials = run.kind() == Run.Kind.TUNE ? runs().trials(run.id()) : List.of();
        Map<String, Object> m = RunsJson.summary(run, trials);
        m.put("params", new TreeMap<>(run.params()));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", run.dataset());
        provenance.put("dataset_version", run.datasetVersion());
        provenance.put("dataset_sha256", run.datasetSha256());
        provenance.put("holdout", run.holdout());
        provenance.put("seed", run.seed());
        provenance.put("environment", new TreeMap<>(run.environment()));
        m.put("provenance", provenance);
        Map<String, Object> model = run.model().map(this::model).orElse(null);
        m.put("model", model);
        m.put("evaluation", run.model().flatMap(this::evaluation).orElse(null));
        m.put("trials", trials.stream().map(t -> (Object) RunsJson.summary(t, List.of())).toList());
        return m;
    }

    /**
     * The model version the run registered, with what the registry says of it now; {@code
     * registered} is false when the version has been deleted since.
     */
    private Map<String, Object> model(ModelRef.Version ref) {
        Map<String, Object> m = RunsJson.model(ref);
        Optional<ModelVersion> v = version(ref);
        m.put("registered", v.isPresent());
        m.put("created", v.map(x -> x.created().toString()).orElse(null));
        m.put("format", v.map(ModelVersion::format).orElse(null));
        m.put("aliases", v.map(ModelVersion::aliases).orElse(List.of()));
        return m;
    }

    /**
     * The evaluation stored in the model's package ({@code slipway.evaluation} v1: confusion
     * matrix, calibration bins, per-class report), when the version and its file are still there
     * and readable.
     */
    private Optional<JsonNode> evaluation(ModelRef.Version ref) {
        Optional<ModelVersion> v = version(ref);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = web.registry().file(v.get(), EVALUATION_FILE);
            EvaluationCodec.fromJson(bytes, ref + " " + EVALUATION_FILE);
            return Optional.of(web.json().mapper().readTree(bytes));
        } catch (SlipwayException | IOException e) {
            // A package without the file, or with one this build cannot read: the run still shows.
            return Optional.empty();
        }
    }

    private Optional<ModelVersion> version(ModelRef.Version ref) {
        try {
            return Optional.of(web.registry().resolve(ref));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void compare(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        Map<String, String> q = QueryParams.check(ctx.queryParams(), COMPARE_PARAMS);
        List<String> ids = ids(q.getOrDefault("ids", ""));
        blocking(ctx, () -> RunsJson.comparison(known(() -> runs().compare(ids))));
    }

    /** The run ids of {@code ids=a,b,c}: two or more, each once. */
    static List<String> ids(String text) {
        List<String> ids =
                Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (ids.size() < 2) {
            throw InvalidInputException.of(
                    "ids",
                    "comparing needs two or more run ids, got %d; send ids=RUN,RUN,... e.g. %s/compare?ids=3f9a,7c21 (GET %s lists the runs)"
                            .formatted(ids.size(), RUNS, RUNS));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seen.add(id.toLowerCase(java.util.Locale.ROOT))) {
                throw InvalidInputException.of(
                        "ids",
                        "run %s is listed twice in ids=%s; list each run once".formatted(id, text));
            }
        }
        return ids;
    }

    /** Runs {@code work}; an unknown run is a 404 that says where the runs are listed. */
    private static <T> T known(Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFoundException e) {
            throw new NotFoundException(
                    "run",
                    e.id(),
                    "no run '%s' on this server; GET %s lists the runs there are"
                            .formatted(e.id(), RUNS));
        }
    }

    private static boolean flag(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default ->
                    throw InvalidInputException.of(
                            name, "%s=%s: give %s=true or %s=false".formatted(name, v, name, name));
        };
    }

    private Runs runs() {
        return home.runs();
    }

    private void blocking(RoutingContext ctx, Callable<Object> work) {
        web.answer(ctx, web.vertx().executeBlocking(work, false));
    }
}
