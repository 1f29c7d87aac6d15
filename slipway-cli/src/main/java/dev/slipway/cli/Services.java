package dev.slipway.cli;

import dev.slipway.api.model.ModelFormat;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.monitor.Monitor;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.store.SlipwayHome;
import dev.slipway.train.Runs;
import dev.slipway.train.Training;
import java.time.Clock;
import java.util.List;

/**
 * The layers, wired together on one home: the composition root of the command line. Model formats
 * are registered here, explicitly.
 */
record Services(
        SlipwayHome home, Datasets datasets, ModelRegistry registry, Training training, Runs runs) {

    /** Every model format Slipway loads. */
    static List<ModelFormat> formats() {
        return List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat());
    }

    static Services open(SlipwayHome home) {
        Clock clock = Clock.systemUTC();
        Datasets datasets = new Datasets(home, clock, DataLimits.defaults());
        ModelRegistry registry = new ModelRegistry(home, formats(), clock);
        Training training =
                new Training(datasets, registry, clock, Runtime.getRuntime().availableProcessors());
        return new Services(home, datasets, registry, training, new Runs(home));
    }

    /**
     * Monitoring of this home's models, on the same home, registry and datasets; each call reads
     * the prediction log afresh.
     */
    Monitor monitor() {
        return new Monitor(home, registry, datasets, DataLimits.defaults(), Clock.systemUTC());
    }
}
