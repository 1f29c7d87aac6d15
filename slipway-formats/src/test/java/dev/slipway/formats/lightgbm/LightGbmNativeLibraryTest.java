package dev.slipway.formats.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native library is loaded from a private copy, never from the fixed file in the shared
 * temporary folder that lightgbm4j rewrites in place (which kills other processes using it).
 */
class LightGbmNativeLibraryTest {

    @Test
    void load_inFreshProcess_predictsAndLeavesTemporaryFolderEmpty(@TempDir Path tmp)
            throws IOException {
        Path temporary = Files.createDirectory(tmp.resolve("tmp"));
        Path model = ToyModel.folder().resolve("toy_categorical_model.txt");
        try (ChildJvm child =
                ChildJvm.start(
                        LoadInChildJvm.class,
                        tmp.resolve("stderr.txt"),
                        temporary.toString(),
                        model.toString())) {
            double prediction = Double.parseDouble(child.readLine(Duration.ofMinutes(2)));
            assertThat(child.waitFor(Duration.ofMinutes(1))).isZero();
            assertThat(prediction).isCloseTo(ToyModel.expected()[0], within(1e-6));
        }
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
    }
}
