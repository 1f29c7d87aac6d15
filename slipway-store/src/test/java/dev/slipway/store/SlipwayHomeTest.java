package dev.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.testkit.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlipwayHomeTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @TempDir Path tmp;

    private Path root() {
        return tmp.resolve("home");
    }

    private ChildJvm child(String mode) {
        return ChildJvm.start(
                HomeChild.class, tmp.resolve("child-" + mode + ".err"), mode, root().toString());
    }

    @Test
    void open_newRoot_createsFoldersAndDatabase() {
        try (SlipwayHome home = SlipwayHome.open(root())) {
            assertThat(home.root().resolve("blobs")).isDirectory();
            assertThat(home.datasetsDir()).isDirectory();
            assertThat(home.root().resolve("tmp")).isDirectory();
            assertThat(home.root().resolve("slipway.db")).isRegularFile();
            assertThat(home.metadata().schemaVersion()).isEqualTo(LatestSchema.version());
        }
    }

    @Test
    void open_rootIsAFile_throwsInvalidInputSayingHowToChooseAnother() throws IOException {
        Path file = Files.writeString(tmp.resolve("home"), "x");

        assertThatThrownBy(() -> SlipwayHome.open(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("--home DIR")
                .hasMessageContaining("SLIPWAY_HOME");
    }

    @Test
    void defaultRoot_envSet_usesIt() {
        assertThat(SlipwayHome.defaultRoot(Optional.of("/srv/slipway"), "/home/a"))
                .isEqualTo(Path.of("/srv/slipway").toAbsolutePath());
    }

    @Test
    void defaultRoot_envUnset_usesDotSlipwayInUserHome() {
        assertThat(SlipwayHome.defaultRoot(Optional.empty(), "/home/a"))
                .isEqualTo(Path.of("/home/a/.slipway").toAbsolutePath());
    }

    @Test
    void blobs_ofHome_storeUnderBlobsFolder() {
        try (SlipwayHome home = SlipwayHome.open(root())) {
            BlobId id = home.blobs().put("x".getBytes(StandardCharsets.UTF_8));

            assertThat(home.root().resolve("blobs").resolve(id.hex().substring(0, 2)))
                    .isDirectory();
        }
    }

    @Test
    void newWorkspace_open_isPrivateFolderUnderTmp() {
        try (SlipwayHome home = SlipwayHome.open(root());
                Workspace workspace = home.newWorkspace("import adult.csv")) {
            assertThat(workspace.path()).isDirectory().hasParent(home.root().resolve("tmp"));
            assertThat(workspace.path().getFileName().toString()).startsWith("import-adult.csv-");
        }
    }

    @Test
    void close_workspace_deletesItsFolder() throws IOException {
        try (SlipwayHome home = SlipwayHome.open(root())) {
            Workspace workspace = home.newWorkspace("scratch");
            Files.writeString(workspace.path().resolve("part.parquet"), "partial");

            workspace.close();

            assertThat(workspace.path()).doesNotExist();
        }
    }

    @Test
    void open_workspaceOfKilledProcess_isSwept() {
        Path stale;
        try (ChildJvm child = child("hold")) {
            stale = Path.of(child.readLine(CHILD_TIMEOUT));
            assertThat(stale).isDirectory();
            child.kill();
        }
        assertThat(stale).as("kill -9 leaves the workspace behind").isDirectory();

        SlipwayHome.open(root()).close();

        assertThat(stale).doesNotExist();
    }

    @Test
    void open_workspaceOfLiveProcess_isLeftAlone() {
        try (ChildJvm child = child("hold")) {
            Path live = Path.of(child.readLine(CHILD_TIMEOUT));

            SlipwayHome.open(root()).close();

            assertThat(live).isDirectory();
        }
    }

    @Test
    void open_workspaceHeldInThisProcess_isLeftAlone() {
        try (SlipwayHome home = SlipwayHome.open(root());
                Workspace workspace = home.newWorkspace("held")) {
            SlipwayHome.open(root()).close();

            assertThat(workspace.path()).isDirectory();
        }
    }

    /** Closing a second channel to a lock file would drop this process's lock on it (POSIX). */
    @Test
    void open_workspaceHeldHereAfterLocalReopen_survivesSweepByAnotherProcess() {
        try (SlipwayHome home = SlipwayHome.open(root());
                Workspace workspace = home.newWorkspace("held")) {
            SlipwayHome.open(root()).close();

            try (ChildJvm child = child("open")) {
                assertThat(child.readLine(CHILD_TIMEOUT)).isEqualTo("done");
            }

            assertThat(workspace.path()).isDirectory();
        }
    }

    @Test
    void publish_tempFile_replacesTargetAndCreatesFolders() throws IOException {
        try (SlipwayHome home = SlipwayHome.open(root());
                Workspace workspace = home.newWorkspace("publish")) {
            Path target = home.datasetsDir().resolve("adult/3/data.parquet");
            Files.createDirectories(target.getParent());
            Files.writeString(target, "old");
            Path temp = Files.writeString(workspace.path().resolve("data.parquet"), "new");

            home.publish(temp, target);

            assertThat(target).hasContent("new");
            assertThat(temp).doesNotExist();
        }
    }

    @Test
    void publish_targetInNewFolder_createsIt() throws IOException {
        try (SlipwayHome home = SlipwayHome.open(root());
                Workspace workspace = home.newWorkspace("publish")) {
            Path target = home.datasetsDir().resolve("iris/1/data.parquet");
            Path temp = Files.writeString(workspace.path().resolve("data.parquet"), "rows");

            home.publish(temp, target);

            assertThat(target).hasContent("rows");
        }
    }
}
