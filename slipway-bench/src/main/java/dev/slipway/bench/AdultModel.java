package dev.slipway.bench;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProgressListener;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.store.SlipwayHome;
import dev.slipway.train.Holdout;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.Training;
import dev.slipway.train.TrainingListener;
import dev.slipway.train.TrainingResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A home holding the Adult data and a model trained on it by {@code slipway train} with default
 * settings: what the prediction benchmarks measure.
 */
record AdultModel(
        SlipwayHome home,
        Datasets datasets,
        ModelRegistry registry,
        Training training,
        DatasetRef train,
        DatasetRef test)
        implements AutoCloseable {

    /** Imports Adult's training and test files from {@code shared} into a home at {@code dir}. */
    static AdultModel open(Path dir, Path shared, List<ModelFormat> formats) {
        SlipwayHome home = SlipwayHome.open(dir);
        Clock clock = Clock.systemUTC();
        Datasets datasets = new Datasets(home, clock, DataLimits.defaults());
        ModelRegistry registry = new ModelRegistry(home, formats, clock);
        Training training =
                new Training(datasets, registry, clock, Runtime.getRuntime().availableProcessors());
        DatasetRef train = load(datasets, shared.resolve("adult_train.csv"), "adult");
        DatasetRef test = load(datasets, shared.resolve("adult_test.csv"), "adult-test");
        return new AdultModel(home, datasets, registry, training, train, test);
    }

    static AdultModel open(Path dir, Path shared) {
        return open(dir, shared, List.of(new XGBoostFormat()));
    }

    static DatasetRef load(Datasets datasets, Path file, String name) {
        return datasets.importFile(file, name, ImportOptions.defaults(), ProgressListener.NONE)
                .version()
                .ref();
    }

    /** Trains the default model, evaluated on Adult's test file. */
    TrainingResult trainDefault(DatasetRef data) {
        return training.train(
                TrainSpec.of(data, "income").withHoldout(new Holdout.TestSet(test)),
                TrainingListener.NONE);
    }

    @Override
    public void close() {
        home.close();
    }
}
