package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AliasesTest {

    @TempDir Path dir;

    private static void versions(ModelRegistry r, int count) {
        for (int i = 0; i < count; i++) {
            r.register("churn", Manifests.linear("run"), Manifests.linearFiles(i), "", Map.of());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void setAlias_severalOnOneVersion_allPointToIt(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, 2);

            r.setAlias("churn", "champion", 1);
            ModelVersion v = r.setAlias("churn", "stable", 1);

            assertThat(v.version()).isEqualTo(1);
            assertThat(v.aliases()).containsExactly("champion", "stable");
            assertThat(r.resolve(ModelRef.parse("churn@stable")).version()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void setAlias_existingAlias_movesIt(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, 2);
            r.setAlias("churn", "champion", 1);

            r.setAlias("churn", "champion", 2);

            assertThat(r.resolve(ModelRef.parse("churn@champion")).version()).isEqualTo(2);
            assertThat(r.resolve(ModelRef.parse("churn/1")).aliases()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void setAlias_movedWhileRead_readersSeeOldOrNewNeverNone(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, 2);
            r.setAlias("churn", "champion", 1);
            AtomicBoolean moving = new AtomicBoolean(true);
            CompletableFuture<Set<Integer>> reader =
                    CompletableFuture.supplyAsync(
                            () -> {
                                Set<Integer> seen = new HashSet<>();
                                while (moving.get()) {
                                    seen.add(r.resolve(ModelRef.parse("churn@champion")).version());
                                }
                                return seen;
                            });

            for (int i = 0; i < 100; i++) {
                r.setAlias("churn", "champion", 2 - i % 2);
            }
            moving.set(false);

            assertThat(reader.join()).isSubsetOf(1, 2).isNotEmpty();
            assertThat(r.resolve(ModelRef.parse("churn@champion")).version()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void setAlias_missingVersion_refusedAndAliasKept(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, 1);
            r.setAlias("churn", "champion", 1);

            assertThatThrownBy(() -> r.setAlias("churn", "champion", 5))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no version 5");
            assertThat(r.resolve(ModelRef.parse("churn@champion")).version()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void setAlias_invalidAlias_refused(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            versions(h.registry(), 1);

            assertThatThrownBy(() -> h.registry().setAlias("churn", "9lives", 1))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not a valid alias");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deleteAlias_existing_removedAndVersionReturned(TestDatabase.Kind kind) {
        try (RegistryHome h = RegistryHome.open(dir, kind)) {
            ModelRegistry r = h.registry();
            versions(r, 2);
            r.setAlias("churn", "champion", 2);

            assertThat(r.deleteAlias("churn", "champion")).isEqualTo(2);
            assertThatThrownBy(() -> r.resolve(ModelRef.parse("churn@champion")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("it has no aliases yet");
        }
    }
}
