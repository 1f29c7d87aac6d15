package dev.slipway.serve;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProgressListener;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import dev.slipway.train.Holdout;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.Training;
import dev.slipway.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A home with real models for the serving tests: {@code adult-income} trained on the shared Adult
 * data (versions 1 and 2, alias {@code champion} on 1), and {@code iris}, scikit-learn's random
 * forest exported to ONNX (alias {@code champion}).
 *
 * <p>{@link #shared()} trains once per test JVM into a temporary folder; tests that move aliases
 * copy it with {@link #copy()} first.
 */
public record ServeHome(Path root, SlipwayHome home, Datasets datasets, ModelRegistry registry)
        implements AutoCloseable {

    private static Path sharedRoot;

    /** Every model format Slipway serves. */
    public static List<ModelFormat> formats() {
        return List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat());
    }

    /** Opens the home at {@code root}. */
    public static ServeHome open(Path root) {
        SlipwayHome home = SlipwayHome.open(root);
        Clock clock = Clock.systemUTC();
        return new ServeHome(
                root,
                home,
                new Datasets(home, clock, DataLimits.defaults()),
                new ModelRegistry(home, formats(), clock));
    }

    /** A fresh copy of the shared home with its models, at a new temporary folder. */
    public static ServeHome copy() {
        try {
            Path from = sharedRoot();
            Path to = Files.createTempDirectory("slipway-serve-test");
            try (var paths = Files.walk(from)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else if (!p.getFileName().toString().endsWith(".lock")) {
                        Files.copy(p, target);
                    }
                }
            }
            return open(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root of the home trained once per JVM. */
    public static synchronized Path sharedRoot() {
        if (sharedRoot == null) {
            try {
                Path root = Files.createTempDirectory("slipway-serve-models");
                try (ServeHome h = open(root)) {
                    h.build();
                }
                sharedRoot = root;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedRoot;
    }

    private void build() {
        DatasetRef train = importShared("adult_train.csv", "adult");
        DatasetRef test = importShared("adult_test.csv", "adult_test");
        Training training = new Training(datasets, registry, Clock.systemUTC(), 2);
        for (int rounds : new int[] {20, 30}) {
            TrainSpec spec =
                    TrainSpec.of(train, "income")
                            .withParams(Map.of("num_round", Integer.toString(rounds)))
                            .withHoldout(new Holdout.TestSet(test))
                            .withModelName("adult-income");
            training.train(spec, TrainingListener.NONE);
        }
        registry.setAlias("adult-income", "champion", 1);
        training.train(
                TrainSpec.of(train, "income")
                        .withParams(Map.of("num_round", "10"))
                        .withHoldout(new Holdout.TestSet(test))
                        .withUnseen(dev.slipway.api.model.UnseenCategoryPolicy.ERROR)
                        .withModelName("adult-strict"),
                TrainingListener.NONE);
        registry.setAlias("adult-strict", "champion", 1);
        ModelVersion iris =
                registry.importModel(
                        SharedData.root().resolve("models/onnx/rf_iris.onnx"),
                        "iris",
                        dev.slipway.registry.ImportOptions.defaults());
        registry.setAlias("iris", "champion", iris.version());
    }

    private DatasetRef importShared(String file, String name) {
        return datasets.importFile(
                        SharedData.dataset(file),
                        name,
                        ImportOptions.defaults(),
                        ProgressListener.NONE)
                .version()
                .ref();
    }

    @Override
    public void close() {
        home.close();
    }
}
