package dev.slipway.serve.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.UnavailableException;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.ServeHome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InferenceCoreTest {

    private ServeHome home;
    private InferenceCore core;

    @BeforeEach
    void open() {
        home = ServeHome.copy();
        core = core(CoreOptions.defaults().withPollInterval(Duration.ZERO));
    }

    private InferenceCore core(CoreOptions options) {
        return new InferenceCore(home.registry(), options, Clock.systemUTC(), CoreListener.none());
    }

    @AfterEach
    void close() {
        core.close();
        home.close();
    }

    @Test
    void infer_adultRows_matchesThePredictorInProcess() {
        core.load(ModelRef.parse("adult-income@champion"));
        Frame rows = AdultRows.first(50);
        Inference r = core.infer("adult-income", OptionalInt.empty(), rows).join();
        try (Predictor p = home.registry().load(ModelRef.parse("adult-income/1"))) {
            Frame expected = p.predict(rows);
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.outputs().rows()).isEqualTo(50);
            assertThat(((StringColumn) r.outputs().column("label")).values())
                    .containsExactly(((StringColumn) expected.column("label")).values());
        }
    }

    @Test
    void infer_manyConcurrentRequests_eachGetsItsOwnRows() {
        core.load(ModelRef.parse("adult-income@champion"));
        Frame all = AdultRows.first(64);
        Frame expected = core.infer("adult-income", OptionalInt.empty(), all).join().outputs();
        List<CompletableFuture<Inference>> futures = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            futures.add(
                    core.infer("adult-income", OptionalInt.empty(), Frames.slice(all, i, i + 1)));
        }
        for (int i = 0; i < 64; i++) {
            assertThat(((StringColumn) futures.get(i).join().outputs().column("label")).get(0))
                    .isEqualTo(((StringColumn) expected.column("label")).get(i));
        }
    }

    @Test
    void infer_unknownModel_isNotFound() {
        assertThatThrownBy(() -> core.infer("nope", OptionalInt.empty(), AdultRows.first(1)).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void infer_otherVersion_isNotFoundNamingTheServedOne() {
        core.load(ModelRef.parse("adult-income@champion"));
        assertThatThrownBy(
                        () ->
                                core.infer("adult-income", OptionalInt.of(2), AdultRows.first(1))
                                        .join())
                .hasCauseInstanceOf(NotFoundException.class)
                .hasMessageContaining("version 1 is");
    }

    @Test
    void infer_missingColumn_namesIt() {
        core.load(ModelRef.parse("adult-income@champion"));
        Frame rows = AdultRows.first(2);
        List<dev.slipway.api.model.Column> cols = new ArrayList<>(rows.columns());
        cols.removeIf(c -> c.name().equals("age"));
        Frame without = new Frame(2, cols);
        assertThatThrownBy(() -> core.infer("adult-income", OptionalInt.empty(), without).join())
                .hasCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing input 'age'");
    }

    @Test
    void infer_textForANumber_namesTheColumnAndTheTypes() {
        core.load(ModelRef.parse("adult-income@champion"));
        Frame rows = AdultRows.first(1);
        List<dev.slipway.api.model.Column> cols = new ArrayList<>(rows.columns());
        cols.replaceAll(c -> c.name().equals("age") ? StringColumn.of("age", "old") : c);
        assertThatThrownBy(
                        () ->
                                core.infer("adult-income", OptionalInt.empty(), new Frame(1, cols))
                                        .join())
                .hasCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'age' is BYTES but model adult-income/1 needs FP64");
    }

    @Test
    void refresh_aliasMoved_servesTheNewVersion() {
        core.load(ModelRef.parse("adult-income@champion"));
        home.registry().setAlias("adult-income", "champion", 2);
        core.refresh();
        assertThat(
                        core.infer("adult-income", OptionalInt.empty(), AdultRows.first(1))
                                .join()
                                .version())
                .isEqualTo(2);
        assertThat(core.model("adult-income").version()).hasValue(2);
    }

    @Test
    void refresh_newVersionFailsToLoad_oldVersionKeepsServingAndTheReasonIsReported()
            throws Exception {
        core.load(ModelRef.parse("adult-income@champion"));
        var v2 = home.registry().resolve(ModelRef.parse("adult-income/2"));
        String sha = home.registry().manifest(v2).modelFile().orElseThrow().sha256();
        java.nio.file.Path blob =
                home.root().resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2));
        blob.toFile().setWritable(true);
        java.nio.file.Files.writeString(blob, "not a model");
        home.registry().setAlias("adult-income", "champion", 2);

        core.refresh();

        ServedModel m = core.model("adult-income");
        assertThat(m.version()).hasValue(1);
        assertThat(m.state()).isEqualTo(ServedModel.State.READY);
        assertThat(m.lastError().orElseThrow())
                .contains("version 2 failed to load", "version 1 keeps serving");
        assertThat(
                        core.infer("adult-income", OptionalInt.empty(), AdultRows.first(3))
                                .join()
                                .version())
                .isEqualTo(1);
    }

    @Test
    void infer_waitsLongerThanTheTimeout_isUnavailable() {
        core.close();
        core =
                core(
                        CoreOptions.defaults()
                                .withPollInterval(Duration.ZERO)
                                .withWorkers(1, 0)
                                .withTimeout(Duration.ofNanos(1)));
        core.load(ModelRef.parse("adult-income@champion"));
        Frame big = AdultRows.first(10_000);
        CompletableFuture<Inference> first = core.infer("adult-income", OptionalInt.empty(), big);
        CompletableFuture<Inference> second = core.infer("adult-income", OptionalInt.empty(), big);
        assertThatThrownBy(second::join)
                .hasCauseInstanceOf(UnavailableException.class)
                .hasMessageContaining("waited more than");
        assertThat(
                        first.handle(
                                        (r, e) ->
                                                e == null
                                                        || ErrorKind.unwrap(e)
                                                                instanceof UnavailableException)
                                .join())
                .isTrue();
    }

    @Test
    void infer_queueFull_refusesWithRetryAfter() {
        core.close();
        core =
                core(
                        CoreOptions.defaults()
                                .withPollInterval(Duration.ZERO)
                                .withWorkers(1, 0)
                                .withQueueCapacityRows(100));
        core.load(ModelRef.parse("adult-income@champion"));
        Frame big = AdultRows.first(10_000);
        Frame small = AdultRows.first(60);
        List<CompletableFuture<Inference>> futures = new ArrayList<>();
        futures.add(core.infer("adult-income", OptionalInt.empty(), big));
        for (int i = 0; i < 20; i++) {
            futures.add(core.infer("adult-income", OptionalInt.empty(), small));
        }
        long refused =
                futures.stream()
                        .filter(
                                f ->
                                        f.handle(
                                                        (r, e) ->
                                                                e != null
                                                                        && ErrorKind.unwrap(e)
                                                                                instanceof
                                                                                UnavailableException
                                                                                        u
                                                                        && u.retryAfter()
                                                                                        .toSeconds()
                                                                                >= 1)
                                                .join())
                        .count();
        long answered = futures.stream().filter(f -> f.handle((r, e) -> e == null).join()).count();
        assertThat(refused).isPositive();
        assertThat(refused + answered).isEqualTo(21);
    }
}
