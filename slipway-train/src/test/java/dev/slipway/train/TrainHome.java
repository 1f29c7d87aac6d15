package dev.slipway.train;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProgressListener;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A home with the data layer, the registry and training on it, for tests. */
record TrainHome(
        SlipwayHome home, Datasets datasets, ModelRegistry registry, Training training, Runs runs)
        implements AutoCloseable {

    static TrainHome open(Path root) {
        SlipwayHome home = SlipwayHome.open(root);
        Clock clock = Clock.systemUTC();
        Datasets datasets = new Datasets(home, clock, DataLimits.defaults());
        ModelRegistry registry = new ModelRegistry(home, List.of(new XGBoostFormat()), clock);
        return new TrainHome(
                home,
                datasets,
                registry,
                new Training(datasets, registry, clock, 2),
                new Runs(home));
    }

    /** Imports a file from the shared datasets under {@code name}. */
    DatasetRef load(String file, String name) {
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
