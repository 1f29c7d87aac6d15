package dev.slipway.cli;

import dev.slipway.testkit.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code slipway models} tests share: a temp home, the shared models, a runner. */
abstract class ModelsCliTest {

    static final Path MODELS = SharedData.root().resolve("models");
    static final Path MUSHROOM = MODELS.resolve("xgboost/mushroom_treelite/mushroom.model");
    static final Path AGARICUS = MODELS.resolve("xgboost/mushroom_treelite/agaricus.test");
    static final Path TOY =
            MODELS.resolve("lightgbm/toy_categorical_treelite/toy_categorical_model.txt");
    static final Path IRIS = MODELS.resolve("onnx/rf_iris.onnx");
    static final Path TITANIC = MODELS.resolve("onnx/pipeline_titanic.onnx");

    @TempDir Path dir;

    /** Runs {@code slipway ARGS --home HOME} in-process. */
    CliRun slipway(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--home", dir.resolve("home").toString()));
        return run(all.toArray(String[]::new));
    }

    /** Runs the command line in-process, as {@code slipway} does. */
    static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
