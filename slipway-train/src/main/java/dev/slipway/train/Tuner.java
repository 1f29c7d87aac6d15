package dev.slipway.train;

import dev.slipway.train.metrics.Evaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Runs one tuning for {@link Training#tune}. */
final class Tuner {

    private final Training training;

    Tuner(Training training) {
        this.training = training;
    }

    TuningResult run(TuneSpec spec, TrainingListener listener) {
        Instant started = training.clock().instant();
        TrainSpec base = spec.base();
        List<String> warnings = new ArrayList<>();
        listener.progress("reading", 0, 0);
        Prepared data =
                Prepared.of(
                        training.datasets(),
                        base,
                        w -> {
                            warnings.add(w);
                            listener.warning(w);
                        });
        List<Map<String, String>> sets =
                switch (spec.strategy()) {
                    case RANDOM -> spec.space().random(spec.trials(), base.seed());
                    case GRID -> spec.space().grid(spec.trials());
                };
        // Check every trial's parameters before the first one runs.
        List<Map<String, Object>> resolved = new ArrayList<>();
        for (Map<String, String> set : sets) {
            Map<String, String> merged = new TreeMap<>(base.params());
            merged.putAll(set);
            resolved.add(ParamCatalog.resolve(base.algorithm(), merged));
        }
        String tuneId = training.newId();
        List<Run> trials = new ArrayList<>();
        long steps = (long) sets.size() * spec.folds();
        int bestIndex = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        int bestRounds = 0;
        String metric = "";
        for (int i = 0; i < sets.size(); i++) {
            Instant trialStart = training.clock().instant();
            Map<String, Object> params = resolved.get(i);
            boolean roundsGiven =
                    sets.get(i).containsKey("num_round")
                            || sets.get(i).containsKey("n_estimators")
                            || base.params().containsKey("num_round")
                            || base.params().containsKey("n_estimators");
            int maxRounds = roundsGiven ? (Integer) params.get("num_round") : spec.maxRounds();
            Map<String, Object> xgb =
                    XGBoostTrainer.xgboostParams(
                            base.algorithm(),
                            params,
                            data.target().task(),
                            data.target().classes().size(),
                            base.seed(),
                            training.threads());
            int trial = i;
            CrossValidation.Result cv =
                    CrossValidation.run(
                            data.matrix(),
                            data.trainRows(),
                            data.featureCount(),
                            data.labels(),
                            xgb,
                            maxRounds,
                            spec.folds(),
                            spec.earlyStopping(),
                            base.seed(),
                            (fold, folds) ->
                                    listener.progress(
                                            "tuning", (long) trial * spec.folds() + fold, steps));
            metric = cv.metric();
            Map<String, String> recorded = new TreeMap<>();
            params.forEach((k, v) -> recorded.put(k, String.valueOf(v)));
            recorded.put("num_round", Integer.toString(cv.rounds()));
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("cv_" + cv.metric(), cv.mean());
            metrics.put("cv_" + cv.metric() + "_std", cv.std());
            metrics.put("rounds", (double) cv.rounds());
            trials.add(
                    new Run(
                            training.newId(),
                            Run.Kind.TRIAL,
                            Optional.of(tuneId),
                            trialStart,
                            Duration.between(trialStart, training.clock().instant()),
                            data.data().dataset(),
                            data.data().id(),
                            data.data().contentSha256(),
                            "cv %d folds".formatted(spec.folds()),
                            base.target(),
                            data.target().task(),
                            base.algorithm(),
                            base.seed(),
                            recorded,
                            metrics,
                            Map.of(),
                            Optional.empty()));
            if (cv.mean() < bestScore) {
                bestScore = cv.mean();
                bestIndex = i;
                bestRounds = cv.rounds();
            }
        }
        listener.progress("tuning", steps, steps);
        Map<String, Object> best = resolved.get(bestIndex);
        Training.Fitted fitted =
                training.fit(
                        data,
                        base,
                        best,
                        bestRounds,
                        (done, total) -> listener.progress("training", done, total));
        listener.progress("evaluating", 0, data.testLabels().length);
        Evaluation evaluation = Evaluator.evaluate(fitted.predictor(), data, base.threshold());
        fitted.predictor().close();
        listener.progress("registering", 0, 0);
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("cv_" + metric, bestScore);
        extra.put("trials", (double) sets.size());
        Training.Recorded recorded =
                training.record(
                        base,
                        data,
                        fitted,
                        evaluation,
                        Run.Kind.TUNE,
                        base.holdout().toString(),
                        started,
                        extra,
                        tuneId,
                        trials);
        return new TuningResult(
                recorded.run(),
                trials,
                trials.get(bestIndex),
                recorded.model(),
                evaluation,
                warnings);
    }
}
