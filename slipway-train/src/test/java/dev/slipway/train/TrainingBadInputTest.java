package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear message and leaves no run and no model behind. */
class TrainingBadInputTest {

    @TempDir Path dir;

    private DatasetRef csv(TrainHome h, String name, String text) throws IOException {
        Path f = Files.writeString(dir.resolve(name + ".csv"), text);
        return h.datasets()
                .importFile(f, name, ImportOptions.defaults(), ProgressListener.NONE)
                .version()
                .ref();
    }

    private void refused(TrainHome h, ThrowingCallable call, String... message) {
        var a = assertThatThrownBy(call).isInstanceOf(InvalidInputException.class);
        for (String m : message) {
            a.hasMessageContaining(m);
        }
        assertThat(h.runs().list(Optional.empty())).isEmpty();
        assertThat(h.registry().list()).isEmpty();
    }

    @Test
    void train_unknownTarget_listsTheColumns() throws IOException {
        try (TrainHome h = TrainHome.open(dir.resolve("home"))) {
            DatasetRef d = csv(h, "d", "a,b\n1,x\n2,y\n3,x\n");
            refused(
                    h,
                    () -> h.training().train(TrainSpec.of(d, "nope"), TrainingListener.NONE),
                    "no column 'nope'",
                    "[a, b]");
        }
    }

    @Test
    void train_targetWithOneClass_saysSo() throws IOException {
        try (TrainHome h = TrainHome.open(dir.resolve("home"))) {
            DatasetRef d = csv(h, "d", "a,b\n1,x\n2,x\n3,x\n");
            refused(
                    h,
                    () -> h.training().train(TrainSpec.of(d, "b"), TrainingListener.NONE),
                    "1 class(es) [x]");
        }
    }

    @Test
    void train_featureWithNoValues_saysHowToLeaveItOut() throws IOException {
        try (TrainHome h = TrainHome.open(dir.resolve("home"))) {
            DatasetRef d = csv(h, "d", "a,b,c\n1,x,\n2,y,\n3,x,\n4,y,\n");
            refused(
                    h,
                    () -> h.training().train(TrainSpec.of(d, "b"), TrainingListener.NONE),
                    "column 'c' has no value",
                    "--exclude c");
        }
    }

    @Test
    void train_datasetWithNoRows_saysSo() throws IOException {
        try (TrainHome h = TrainHome.open(dir.resolve("home"))) {
            Path empty = dir.resolve("empty.parquet");
            try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                    var s = c.createStatement()) {
                s.execute(
                        "COPY (SELECT 1 AS a, 'x' AS b WHERE false) TO '"
                                + empty
                                + "' (FORMAT parquet)");
            } catch (java.sql.SQLException e) {
                throw new IOException(e);
            }
            DatasetRef d =
                    h.datasets()
                            .importFile(empty, "d", ImportOptions.defaults(), ProgressListener.NONE)
                            .version()
                            .ref();
            refused(
                    h,
                    () -> h.training().train(TrainSpec.of(d, "b"), TrainingListener.NONE),
                    "has no rows");
        }
    }

    @Test
    void train_unknownParam_listsTheValidOnes() throws IOException {
        try (TrainHome h = TrainHome.open(dir.resolve("home"))) {
            DatasetRef d = csv(h, "d", "a,b\n1,x\n2,y\n3,x\n4,y\n");
            refused(
                    h,
                    () ->
                            h.training()
                                    .train(
                                            TrainSpec.of(d, "b")
                                                    .withParams(Map.of("max_dept", "3")),
                                            TrainingListener.NONE),
                    "unknown parameter 'max_dept'",
                    "max_depth");
        }
    }

    @Test
    void train_invalidParamValue_saysTheRange() throws IOException {
        try (TrainHome h = TrainHome.open(dir.resolve("home"))) {
            DatasetRef d = csv(h, "d", "a,b\n1,x\n2,y\n3,x\n4,y\n");
            refused(
                    h,
                    () ->
                            h.training()
                                    .train(
                                            TrainSpec.of(d, "b").withParams(Map.of("eta", "-1")),
                                            TrainingListener.NONE),
                    "eta must be a number from 0 to 1");
        }
    }
}
