package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.ChildJvm;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A process killed in the middle of a registration leaves no trace of the version. */
class CrashTest {

    @TempDir Path dir;

    private static long blobCount(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void register_killedBeforeCommit_nothingVisible(TestDatabase.Kind kind) throws IOException {
        Path root = dir.resolve("home");
        TestDatabase db = kind.create(dir);
        try (ChildJvm child =
                ChildJvm.start(
                        RegisterChild.class,
                        dir.resolve("child.err"),
                        root.toString(),
                        db.jdbcUrl())) {
            assertThat(child.readLine(Duration.ofMinutes(2))).isEqualTo("writing");
            child.kill();
        }

        try (RegistryHome h = RegistryHome.open(root, db, List.of(new LinearFormat()))) {
            assertThat(blobCount(root)).as("the package's blobs were written first").isEqualTo(2);
            assertThat(h.registry().list()).isEmpty();
            ModelVersion v =
                    h.registry()
                            .register(
                                    "churn",
                                    Manifests.linear("run-2"),
                                    Manifests.linearFiles(3),
                                    "",
                                    Map.of());
            assertThat(v.version()).isEqualTo(1);
        }
    }
}
