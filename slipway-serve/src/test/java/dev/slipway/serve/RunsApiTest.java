package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import dev.slipway.train.Holdout;
import dev.slipway.train.SearchSpace;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.Training;
import dev.slipway.train.TrainingListener;
import dev.slipway.train.TuneSpec;
import dev.slipway.train.TuningResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runs API on a real server over the test home (two trainings of adult-income, one of
 * adult-strict) plus a small tuning trained here on the same home: listing, one run in full, and
 * runs side by side, with their error statuses.
 */
class RunsApiTest {

    private static TestServer server;
    private static TuningResult tuning;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
        Training training =
                new Training(server.home.datasets(), server.home.registry(), Clock.systemUTC(), 2);
        TrainSpec base =
                TrainSpec.of(DatasetRef.latest("adult"), "income")
                        .withHoldout(new Holdout.TestSet(DatasetRef.latest("adult_test")))
                        .withModelName("adult-tuned");
        SearchSpace space =
                new SearchSpace(
                        "depths",
                        Map.of("max_depth", new SearchSpace.Dimension.Values(List.of("2", "4"))));
        tuning =
                training.tune(
                        new TuneSpec(base, space, TuneSpec.Strategy.GRID, 2, 2, 3, 8),
                        TrainingListener.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path) {
        Reply r = server.get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** The id of the run that registered {@code ref}. */
    private static String runOf(String ref) {
        for (JsonNode run : ok("/api/v1/runs")) {
            if (run.path("model").path("ref").asText().equals(ref)) {
                return run.get("id").asText();
            }
        }
        throw new AssertionError("no run registered " + ref);
    }

    @Test
    void list_trainedHome_newestFirstWithDatasetParamsAndMetrics() {
        JsonNode runs = ok("/api/v1/runs");

        assertThat(runs.isArray()).isTrue();
        assertThat(runs.size()).isEqualTo(4);
        List<Instant> started = new ArrayList<>();
        runs.forEach(r -> started.add(Instant.parse(r.get("started").asText())));
        assertThat(started).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(runs.get(0).get("id").asText()).isEqualTo(tuning.run().id());
        JsonNode first = runs.get(runs.size() - 1);
        assertThat(first.get("kind").asText()).isEqualTo("train");
        assertThat(first.get("status").asText()).isEqualTo("finished");
        assertThat(first.get("dataset").get("name").asText()).isEqualTo("adult");
        assertThat(first.get("dataset").get("version").asText()).isNotBlank();
        assertThat(first.get("target").asText()).isEqualTo("income");
        assertThat(first.get("task").asText()).isEqualTo("binary");
        assertThat(first.get("algorithm").asText()).isEqualTo("gbdt");
        assertThat(first.get("params").get("num_round").asText()).isEqualTo("20");
        assertThat(first.get("metrics").get("auc").asDouble()).isBetween(0.8, 1.0);
        assertThat(first.get("model").get("ref").asText()).isEqualTo("adult-income/1");
        assertThat(first.get("duration_ms").asLong()).isNotNegative();
        assertThat(
                        Instant.parse(first.get("finished").asText())
                                .minusMillis(first.get("duration_ms").asLong()))
                .isEqualTo(Instant.parse(first.get("started").asText()));
        assertThat(first.get("history").isNull()).isTrue();
    }

    @Test
    void list_tuning_hasTheTrialsScoresAsHistory() {
        JsonNode tune = ok("/api/v1/runs").get(0);

        assertThat(tune.get("kind").asText()).isEqualTo("tune");
        assertThat(tune.get("trial_count").asInt()).isEqualTo(2);
        JsonNode history = tune.get("history");
        assertThat(history.get("x_label").asText()).isEqualTo("trial");
        assertThat(history.get("x").toString()).isEqualTo("[1,2]");
        assertThat(history.get("metric").asText()).startsWith("cv_");
        JsonNode values = history.get("series").get(0).get("values");
        JsonNode best = history.get("series").get(1).get("values");
        assertThat(values.get(0).asDouble())
                .isEqualTo(tuning.trials().get(0).metrics().get(history.get("metric").asText()));
        assertThat(best.get(1).asDouble())
                .isEqualTo(Math.min(values.get(0).asDouble(), values.get(1).asDouble()));
    }

    @Test
    void list_trials_onlyWhenAsked() {
        JsonNode runs = ok("/api/v1/runs");
        runs.forEach(r -> assertThat(r.get("kind").asText()).isNotEqualTo("trial"));

        JsonNode all = ok("/api/v1/runs?trials=true");

        List<JsonNode> trials = new ArrayList<>();
        all.forEach(
                r -> {
                    if (r.get("kind").asText().equals("trial")) {
                        trials.add(r);
                    }
                });
        assertThat(trials).hasSize(2);
        assertThat(trials)
                .allSatisfy(t -> assertThat(t.get("parent").asText()).isEqualTo(tuning.run().id()));
    }

    @Test
    void list_dataset_onlyThatDatasetsRuns() {
        assertThat(ok("/api/v1/runs?dataset=adult").size()).isEqualTo(4);
        assertThat(ok("/api/v1/runs?dataset=adult_test").size()).isZero();
    }

    @Test
    void list_unknownParameter_is400NamingIt() {
        Reply r = server.get("/api/v1/runs?datset=adult");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("datset").contains("dataset");
    }

    @Test
    void show_training_hasParamsMetricsProvenanceModelAndEvaluation() {
        String id = runOf("adult-income/2");

        JsonNode run = ok("/api/v1/runs/" + id);

        assertThat(run.get("id").asText()).isEqualTo(id);
        assertThat(run.get("params").get("num_round").asText()).isEqualTo("30");
        assertThat(run.get("params").get("eta").asText()).isNotBlank();
        assertThat(run.get("metrics").get("log_loss").asDouble()).isPositive();
        JsonNode provenance = run.get("provenance");
        assertThat(provenance.get("dataset").asText()).isEqualTo("adult");
        assertThat(provenance.get("dataset_sha256").asText()).hasSize(64);
        assertThat(provenance.get("holdout").asText()).startsWith("adult_test");
        assertThat(provenance.get("environment").get("xgboost4j").asText()).isNotBlank();
        JsonNode model = run.get("model");
        assertThat(model.get("name").asText()).isEqualTo("adult-income");
        assertThat(model.get("version").asInt()).isEqualTo(2);
        assertThat(model.get("registered").asBoolean()).isTrue();
        assertThat(model.get("format").asText()).isEqualTo("xgboost");
        JsonNode evaluation = run.get("evaluation");
        assertThat(evaluation.get("format").asText()).isEqualTo("slipway.evaluation");
        assertThat(evaluation.get("confusion").size()).isEqualTo(2);
        assertThat(evaluation.get("calibration").size()).isPositive();
        assertThat(run.get("trials").size()).isZero();
    }

    @Test
    void show_prefixOfAnId_isThatRun() {
        String id = runOf("adult-income/1");

        assertThat(ok("/api/v1/runs/" + id.substring(0, 8)).get("id").asText()).isEqualTo(id);
    }

    @Test
    void show_tuning_hasItsTrialsInOrder() {
        JsonNode run = ok("/api/v1/runs/" + tuning.run().id());

        assertThat(run.get("kind").asText()).isEqualTo("tune");
        JsonNode trials = run.get("trials");
        assertThat(trials.size()).isEqualTo(2);
        assertThat(trials.get(0).get("id").asText()).isEqualTo(tuning.trials().get(0).id());
        assertThat(trials.get(0).get("params").get("max_depth").asText()).isEqualTo("2");
        assertThat(trials.get(1).get("params").get("max_depth").asText()).isEqualTo("4");
        assertThat(run.get("history").get("runs").get(1).asText())
                .isEqualTo(tuning.trials().get(1).id());
        assertThat(run.get("model").get("ref").asText()).isEqualTo("adult-tuned/1");
    }

    @Test
    void show_unknownId_is404SayingWhereRunsAreListed() {
        Reply r = server.get("/api/v1/runs/0123456789ab");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText())
                .contains("0123456789ab")
                .contains("GET /api/v1/runs");
    }

    @Test
    void show_notARunId_is400() {
        Reply r = server.get("/api/v1/runs/not-a-run");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("not-a-run").contains("hex");
    }

    @Test
    void compare_twoTrainings_marksTheLinesThatDiffer() {
        String a = runOf("adult-income/1");
        String b = runOf("adult-income/2");

        JsonNode c = ok("/api/v1/runs/compare?ids=" + a + "," + b);

        assertThat(c.get("runs").get(0).get("id").asText()).isEqualTo(a);
        assertThat(c.get("runs").get(1).get("id").asText()).isEqualTo(b);
        JsonNode rounds = line(c, "param", "num_round");
        assertThat(rounds.get("values").toString()).isEqualTo("[\"20\",\"30\"]");
        assertThat(rounds.get("differs").asBoolean()).isTrue();
        assertThat(line(c, "run", "target").get("differs").asBoolean()).isFalse();
        assertThat(line(c, "param", "eta").get("differs").asBoolean()).isFalse();
        assertThat(line(c, "metric", "log_loss").get("differs").asBoolean()).isTrue();
        int differing = 0;
        for (JsonNode l : c.get("lines")) {
            differing += l.get("differs").asBoolean() ? 1 : 0;
        }
        assertThat(c.get("differing").asInt()).isEqualTo(differing);
        JsonNode auc = c.get("metrics").get("auc");
        assertThat(auc.size()).isEqualTo(2);
        assertThat(auc.get(0).asDouble()).isBetween(0.8, 1.0);
    }

    private static JsonNode line(JsonNode comparison, String section, String name) {
        for (JsonNode l : comparison.get("lines")) {
            if (l.get("section").asText().equals(section) && l.get("name").asText().equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no line " + section + " " + name + " in " + comparison);
    }

    @Test
    void compare_oneId_is400() {
        Reply r = server.get("/api/v1/runs/compare?ids=" + runOf("adult-income/1"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("two or more");
    }

    @Test
    void compare_noIds_is400() {
        assertThat(server.get("/api/v1/runs/compare").status()).isEqualTo(400);
    }

    @Test
    void compare_sameRunTwice_is400() {
        String a = runOf("adult-income/1");

        Reply r = server.get("/api/v1/runs/compare?ids=" + a + "," + a);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("twice");
    }

    @Test
    void compare_unknownRun_is404NamingIt() {
        Reply r =
                server.get("/api/v1/runs/compare?ids=" + runOf("adult-income/1") + ",0123456789ab");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("0123456789ab");
    }

    @Test
    void runs_tokensRequired_needAPredictToken() {
        ServeHome home = ServeHome.copy();
        String predict =
                new Tokens(home.home(), Clock.systemUTC(), new SecureRandom())
                        .create("reader", Set.of(Scope.PREDICT))
                        .secret();
        try (TestServer guarded =
                TestServer.start(
                        home, TestServer.config().withTokens(ServerConfig.TokenMode.REQUIRED))) {
            assertThat(guarded.get("/api/v1/runs").status()).isEqualTo(401);
            assertThat(guarded.get("/api/v1/runs/0123456789ab").status()).isEqualTo(401);
            assertThat(guarded.get("/api/v1/runs/compare?ids=a,b").status()).isEqualTo(401);

            Reply r = guarded.get("/api/v1/runs", "Authorization", "Bearer " + predict);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().size()).isEqualTo(3);
        }
    }
}
