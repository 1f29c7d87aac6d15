package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VersionsTest {

    @TempDir Path dir;

    private static ModelVersion register(ModelRegistry r, String name, double weight) {
        return r.register(
                name,
                Manifests.linear("run-" + name),
                Manifests.linearFiles(weight, 1),
                "",
                Map.of());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void register_firstVersions_numberedFromOnePerName(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();

            assertThat(register(r, "churn", 1).version()).isEqualTo(1);
            assertThat(register(r, "churn", 2).version()).isEqualTo(2);
            assertThat(register(r, "fraud", 3).version()).isEqualTo(1);
            assertThat(register(r, "churn", 4).version()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void register_newVersion_recordsWhatListingsShow(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelVersion v =
                    h.registry()
                            .register(
                                    "churn",
                                    Manifests.linear("run-7"),
                                    Manifests.linearFiles(1, 2),
                                    "first try",
                                    Map.of("team", "risk"));

            assertThat(v.name()).isEqualTo("churn");
            assertThat(v.format()).isEqualTo("linear");
            assertThat(v.task()).contains(Task.REGRESSION);
            assertThat(v.created()).isEqualTo(RegistryHome.CLOCK.instant());
            assertThat(v.description()).isEqualTo("first try");
            assertThat(v.tags()).containsExactly(Map.entry("team", "risk"));
            assertThat(v.aliases()).isEmpty();
            assertThat(v.lineage().runId()).contains("run-7");
            assertThat(v.lineage().datasetName()).contains("adult");
            assertThat(v.lineage().datasetVersion()).contains("v-20261122");
            assertThat(h.registry().resolve(v.ref())).isEqualTo(v);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void register_concurrentlySameName_distinctVersions(TestDatabase.Kind kind) throws Exception {
        int threads = 8;
        try (RegistryHome h = RegistryHome.open(dir, kind);
                ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ModelVersion>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                double weight = i;
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return register(h.registry(), "churn", weight);
                                }));
            }
            start.countDown();
            List<Integer> versions = new ArrayList<>();
            for (Future<ModelVersion> f : futures) {
                versions.add(f.get().version());
            }

            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(h.registry().versions("churn")).hasSize(threads);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void register_afterDeletingLatest_numberNotReused(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            register(h.registry(), "churn", 1);
            register(h.registry(), "churn", 2);
            h.registry().deleteVersion("churn", 2, false);

            assertThat(register(h.registry(), "churn", 3).version()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolve_everyReferenceForm_findsItsVersion(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            register(r, "churn", 1);
            register(r, "churn", 2);
            register(r, "churn", 3);
            r.setAlias("churn", "champion", 2);

            assertThat(r.resolve(ModelRef.parse("churn")).version()).isEqualTo(3);
            assertThat(r.resolve(ModelRef.parse("churn/1")).version()).isEqualTo(1);
            assertThat(r.resolve(ModelRef.parse("churn@champion")).version()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolve_missingVersion_namesTheVersionsThereAre(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            register(h.registry(), "churn", 1);
            register(h.registry(), "churn", 2);

            assertThatThrownBy(() -> h.registry().resolve(ModelRef.parse("churn/9")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("model 'churn' has no version 9")
                    .hasMessageContaining("its versions are 1, 2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolve_missingAlias_namesTheAliasesThereAre(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            register(h.registry(), "churn", 1);
            h.registry().setAlias("churn", "challenger", 1);

            assertThatThrownBy(() -> h.registry().resolve(ModelRef.parse("churn@champion")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("has no alias 'champion'")
                    .hasMessageContaining("challenger -> 1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolve_missingModel_namesTheModelsThereAre(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            register(h.registry(), "churn", 1);

            assertThatThrownBy(() -> h.registry().resolve(ModelRef.parse("fraud")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no model named 'fraud'")
                    .hasMessageContaining("the registry has churn");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void list_models_latestVersionAndAliases(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            register(r, "fraud", 1);
            register(r, "churn", 1);
            register(r, "churn", 2);
            r.setAlias("churn", "champion", 1);
            r.setAlias("churn", "challenger", 2);

            List<ModelSummary> models = r.list();

            assertThat(models).extracting(ModelSummary::name).containsExactly("churn", "fraud");
            ModelSummary churn = models.getFirst();
            assertThat(churn.versions()).isEqualTo(2);
            assertThat(churn.latest().orElseThrow().version()).isEqualTo(2);
            assertThat(churn.aliases())
                    .containsExactly(Map.entry("challenger", 2), Map.entry("champion", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void register_invalidName_refused(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            assertThatThrownBy(() -> register(h.registry(), "bad name!", 1))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not a valid model name");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void register_twoModelFiles_refused(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            List<PackageEntry> files =
                    List.of(
                            PackageEntry.of("a.linear", PackageFile.MODEL, LinearFormat.file(1)),
                            PackageEntry.of("b.linear", PackageFile.MODEL, LinearFormat.file(2)));

            assertThatThrownBy(
                            () ->
                                    h.registry()
                                            .register(
                                                    "churn",
                                                    Manifests.linear("r"),
                                                    files,
                                                    "",
                                                    Map.of()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("exactly one file with the role 'model'");
            assertThat(h.registry().list()).isEmpty();
        }
    }
}
