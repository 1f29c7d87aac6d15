package dev.slipway.train;

import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.data.Datasets;
import dev.slipway.formats.pipeline.FeaturePipelines;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.registry.PackageEntry;
import dev.slipway.registry.PackageFile;
import dev.slipway.registry.Provenance;
import dev.slipway.train.metrics.Evaluation;
import dev.slipway.train.metrics.EvaluationCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The training layer's entry point: trains a model on a dataset version with XGBoost, evaluates it
 * on held-out rows, registers it with its feature pipeline, provenance and metrics, and records the
 * run.
 *
 * <p>Thread-safe; each call works on its own data. Nothing is written until the model is trained
 * and evaluated, so bad input never leaves a run or a model version behind.
 */
public final class Training {

    private static final XGBoostFormat XGBOOST = new XGBoostFormat();

    private final Datasets datasets;
    private final ModelRegistry registry;
    private final Clock clock;
    private final int threads;
    private final java.util.random.RandomGenerator ids = new java.security.SecureRandom();

    /**
     * @param datasets where the training data is read
     * @param registry where trained models are registered
     * @param clock stamps runs and models
     * @param threads how many threads XGBoost trains with
     */
    public Training(Datasets datasets, ModelRegistry registry, Clock clock, int threads) {
        this.datasets = Objects.requireNonNull(datasets, "datasets");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        this.threads = threads;
    }

    /** The parameters {@code algorithm} takes, with their accepted values and defaults. */
    public static Map<String, String> parameters(Algorithm algorithm) {
        return ParamCatalog.describe(algorithm);
    }

    /**
     * Trains, evaluates and registers a model as {@code spec} says, and records the run.
     *
     * @throws dev.slipway.api.InvalidInputException for bad input (unknown dataset or target, one
     *     class, an empty dataset, a feature with no values, an unknown or invalid parameter),
     *     before anything is written
     */
    public TrainingResult train(TrainSpec spec, TrainingListener listener) {
        Instant started = clock.instant();
        List<String> warnings = new ArrayList<>();
        listener.progress("reading", 0, 0);
        Prepared data = Prepared.of(datasets, spec, w -> warn(w, warnings, listener));
        Map<String, Object> resolved = ParamCatalog.resolve(spec.algorithm(), spec.params());
        int rounds = (Integer) resolved.get("num_round");
        Fitted fitted =
                fit(
                        data,
                        spec,
                        resolved,
                        rounds,
                        (done, total) -> listener.progress("training", done, total));
        listener.progress("evaluating", 0, data.testLabels().length);
        Evaluation evaluation = Evaluator.evaluate(fitted.predictor(), data, spec.threshold());
        fitted.predictor().close();
        listener.progress("registering", 0, 0);
        Recorded recorded =
                record(
                        spec,
                        data,
                        fitted,
                        evaluation,
                        Run.Kind.TRAIN,
                        spec.holdout().toString(),
                        started,
                        Map.of(),
                        newId(),
                        List.of());
        return new TrainingResult(recorded.run(), recorded.model(), evaluation, warnings);
    }

    /** A trained model and its predictor. */
    record Fitted(byte[] modelJson, Map<String, String> params, Predictor predictor) {}

    /** Trains on the prepared training rows with {@code rounds} rounds. */
    Fitted fit(
            Prepared data,
            TrainSpec spec,
            Map<String, Object> resolved,
            int rounds,
            XGBoostTrainer.RoundListener progress) {
        Map<String, Object> params =
                XGBoostTrainer.xgboostParams(
                        spec.algorithm(),
                        resolved,
                        data.target().task(),
                        data.target().classes().size(),
                        spec.seed(),
                        threads);
        XGBoostTrainer.Trained trained =
                XGBoostTrainer.train(
                        data.matrix(),
                        data.trainRows(),
                        data.featureCount(),
                        data.labels(),
                        params,
                        rounds,
                        Optional.empty(),
                        0,
                        progress);
        Predictor predictor = predictor(trained.modelJson(), data.pipeline(), "trained model");
        Map<String, String> recorded = new TreeMap<>();
        resolved.forEach((k, v) -> recorded.put(k, String.valueOf(v)));
        recorded.put("num_round", Integer.toString(rounds));
        return new Fitted(trained.modelJson(), recorded, predictor);
    }

    private static Predictor predictor(byte[] json, FeaturePipeline pipeline, String source) {
        Predictor model = XGBOOST.load(json, source, new LoadOptions(pipeline.featureNames()));
        return FeaturePipelines.wrap(pipeline, model);
    }

    /** What {@link #record} wrote. */
    record Recorded(Run run, ModelVersion model) {}

    /**
     * Registers the model and records the run in one metadata transaction: either both are visible
     * or neither.
     */
    Recorded record(
            TrainSpec spec,
            Prepared data,
            Fitted fitted,
            Evaluation evaluation,
            Run.Kind kind,
            String holdout,
            Instant started,
            Map<String, Double> extraMetrics,
            String runId,
            List<Run> trials) {
        // Undefined scores (AUC with one class in the held-out rows) are left out.
        Map<String, Double> all = new LinkedHashMap<>(evaluation.summary());
        all.putAll(extraMetrics);
        Map<String, Double> metrics = finite(all);
        String modelName = spec.modelName().orElse(spec.data().name());
        Map<String, String> environment = Environment.capture();
        Provenance provenance =
                new Provenance(
                        clock.instant(),
                        new Provenance.Trained(
                                runId,
                                data.data().dataset(),
                                data.data().id(),
                                data.data().contentSha256(),
                                fitted.params(),
                                spec.seed(),
                                libraries(environment),
                                Provenance.currentJvm(),
                                Provenance.currentOs()));
        ModelManifest manifest =
                ModelManifest.builder(
                                XGBOOST.name(),
                                XGBOOST.runtime(),
                                fitted.predictor().signature(),
                                provenance)
                        .task(data.target().task())
                        .featureNames(data.pipeline().featureNames())
                        .pipeline(data.pipeline())
                        .metrics(metrics)
                        .build();
        List<PackageEntry> files =
                List.of(
                        new PackageEntry.Bytes("model.json", PackageFile.MODEL, fitted.modelJson()),
                        new PackageEntry.Bytes(
                                "evaluation.json",
                                "evaluation",
                                EvaluationCodec.toJson(evaluation)));
        Run[] run = new Run[1];
        ModelVersion version =
                registry.register(
                        modelName,
                        manifest,
                        files,
                        "",
                        Map.of(),
                        (connection, registered) -> {
                            run[0] =
                                    new Run(
                                            runId,
                                            kind,
                                            Optional.empty(),
                                            started,
                                            Duration.between(started, clock.instant()),
                                            data.data().dataset(),
                                            data.data().id(),
                                            data.data().contentSha256(),
                                            holdout,
                                            spec.target(),
                                            data.target().task(),
                                            spec.algorithm(),
                                            spec.seed(),
                                            fitted.params(),
                                            metrics,
                                            environment,
                                            Optional.of(registered.ref()));
                            RunStore.insert(connection, run[0]);
                            for (Run trial : trials) {
                                RunStore.insert(connection, trial);
                            }
                        });
        return new Recorded(run[0], version);
    }

    /** A fresh run id. */
    String newId() {
        return RunStore.newId(ids);
    }

    /** The clock runs are stamped with. */
    Clock clock() {
        return clock;
    }

    /** The dataset versions training reads. */
    Datasets datasets() {
        return datasets;
    }

    /** How many threads XGBoost trains with. */
    int threads() {
        return threads;
    }

    /**
     * Tunes: cross-validates each trial's parameters on the training rows, trains the best on all
     * of them, evaluates it on the held-out rows, registers it, and records the tuning and every
     * trial as runs.
     *
     * @throws dev.slipway.api.InvalidInputException for bad input, before anything is written
     */
    public TuningResult tune(TuneSpec spec, TrainingListener listener) {
        return new Tuner(this).run(spec, listener);
    }

    private static Map<String, String> libraries(Map<String, String> environment) {
        Map<String, String> m = new TreeMap<>();
        m.put("slipway", environment.get("slipway"));
        m.put("xgboost4j", environment.get("xgboost4j"));
        return m;
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach(
                (k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        out.put(k, v);
                    }
                });
        return out;
    }

    private static void warn(String message, List<String> warnings, TrainingListener listener) {
        warnings.add(message);
        listener.warning(message);
    }
}
