package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tags, descriptions and deletion. */
class EditsTest {

    @TempDir Path dir;

    private static void versions(ModelRegistry r, String name, int count) {
        for (int i = 0; i < count; i++) {
            r.register(name, Manifests.linear("run"), Manifests.linearFiles(i), "", Map.of());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tag_modelAndVersion_keptApart(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 2);

            r.tag("churn", "team", "risk");
            r.tag("churn", 2, "reviewed", "yes");
            r.tag("churn", 2, "reviewed", "by ana");

            assertThat(r.model("churn").tags()).containsExactly(Map.entry("team", "risk"));
            assertThat(r.resolve(ModelRef.parse("churn/2")).tags())
                    .containsExactly(Map.entry("reviewed", "by ana"));
            assertThat(r.resolve(ModelRef.parse("churn/1")).tags()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void untag_existingAndMissing_saysWhetherRemoved(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 1);
            r.tag("churn", "team", "risk");
            r.tag("churn", 1, "reviewed", "yes");

            assertThat(r.untag("churn", "team")).isTrue();
            assertThat(r.untag("churn", "team")).isFalse();
            assertThat(r.untag("churn", 1, "reviewed")).isTrue();
            assertThat(r.model("churn").tags()).isEmpty();
            assertThat(r.resolve(ModelRef.parse("churn/1")).tags()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tag_invalidKey_refused(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            versions(h.registry(), "churn", 1);

            assertThatThrownBy(() -> h.registry().tag("churn", "bad key", "x"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not a valid tag");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tag_missingModel_notFound(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            assertThatThrownBy(() -> h.registry().tag("churn", "team", "risk"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no model named 'churn'")
                    .hasMessageContaining("no models yet");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void describe_modelAndVersion_kept(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 1);

            r.describe("churn", "Who leaves next month");
            r.describe("churn", 1, "Baseline, depth 6");

            assertThat(r.model("churn").description()).isEqualTo("Who leaves next month");
            assertThat(r.resolve(ModelRef.parse("churn/1")).description())
                    .isEqualTo("Baseline, depth 6");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deleteVersion_aliasPointsToIt_refusedNamingAlias(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 2);
            r.setAlias("churn", "champion", 1);

            assertThatThrownBy(() -> r.deleteVersion("churn", 1, false))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("alias churn@champion points to it")
                    .hasMessageContaining("--force");
            assertThat(r.versions("churn")).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deleteVersion_forced_removesVersionAndItsAliases(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 2);
            r.setAlias("churn", "champion", 1);
            r.tag("churn", 1, "reviewed", "yes");

            r.deleteVersion("churn", 1, true);

            assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(2);
            assertThat(r.model("churn").aliases()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deleteVersion_lastOne_modelRemainsWithoutVersions(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 1);

            r.deleteVersion("churn", 1, false);

            assertThat(r.model("churn").latest()).isEmpty();
            assertThatThrownBy(() -> r.resolve(ModelRef.parse("churn")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no versions left");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deleteModel_withAliases_refusedUnlessForced(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 2);
            versions(r, "fraud", 1);
            r.setAlias("churn", "champion", 2);
            r.tag("churn", "team", "risk");

            assertThatThrownBy(() -> r.deleteModel("churn", false))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("alias churn@champion points");
            r.deleteModel("churn", true);

            assertThat(r.list()).extracting(ModelSummary::name).containsExactly("fraud");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deleteModel_thenRegisterAgain_numberedFromOne(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, "churn", 2);
            r.deleteModel("churn", false);

            versions(r, "churn", 1);

            assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1);
        }
    }
}
