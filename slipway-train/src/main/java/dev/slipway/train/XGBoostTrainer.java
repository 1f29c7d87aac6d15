package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains one XGBoost model with XGBoost4J on a float32 matrix (NaN = missing) and returns the model
 * in XGBoost's JSON format. The same matrix, parameters and seed give the same bytes.
 */
final class XGBoostTrainer {

    /** Reports each boosting round; called on the training thread. */
    interface RoundListener {
        void round(int done, int total);
    }

    private XGBoostTrainer() {}

    /** The full parameter map XGBoost receives: the user's (resolved) plus the task's. */
    static Map<String, Object> xgboostParams(
            Algorithm algorithm,
            Map<String, Object> resolved,
            Task task,
            int classes,
            long seed,
            int threads) {
        Map<String, Object> p = new HashMap<>(resolved);
        p.remove("num_round");
        p.put("booster", algorithm == Algorithm.LINEAR ? "gblinear" : "gbtree");
        if (algorithm == Algorithm.LINEAR) {
            // The coordinate-descent updater is deterministic whatever the thread count.
            p.put("updater", "coord_descent");
        }
        switch (task) {
            case BINARY -> {
                p.put("objective", "binary:logistic");
                p.put("eval_metric", "logloss");
            }
            case MULTICLASS -> {
                p.put("objective", "multi:softprob");
                p.put("num_class", classes);
                p.put("eval_metric", "mlogloss");
            }
            case REGRESSION -> {
                p.put("objective", "reg:squarederror");
                p.put("eval_metric", "rmse");
            }
        }
        // XGBoost takes a 32-bit seed; fold the 64-bit one so every bit counts.
        p.put("seed", (int) (seed ^ (seed >>> 32)));
        p.put("nthread", threads);
        p.put("verbosity", 0);
        return p;
    }

    /**
     * Trains {@code rounds} rounds, or fewer when {@code validation} is given and its metric has
     * not improved for {@code earlyStopping} rounds.
     */
    static Trained train(
            float[] rows,
            int rowCount,
            int columns,
            float[] labels,
            Map<String, Object> params,
            int rounds,
            Optional<Validation> validation,
            int earlyStopping,
            RoundListener listener) {
        DMatrix train = null;
        DMatrix valid = null;
        Booster booster = null;
        try {
            train = new DMatrix(rows, rowCount, columns, Float.NaN);
            train.setLabel(labels);
            Map<String, DMatrix> watches = new HashMap<>();
            if (validation.isPresent()) {
                Validation v = validation.get();
                valid = new DMatrix(v.rows(), v.labels().length, columns, Float.NaN);
                valid.setLabel(v.labels());
                watches.put("valid", valid);
            }
            booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            double best = Double.POSITIVE_INFINITY;
            int bestRound = 0;
            int done = 0;
            for (int i = 0; i < rounds; i++) {
                booster.update(train, i);
                done = i + 1;
                listener.round(done, rounds);
                if (valid != null) {
                    String eval = booster.evalSet(new DMatrix[] {valid}, new String[] {"valid"}, i);
                    double score = lastMetric(eval);
                    if (score < best) {
                        best = score;
                        bestRound = done;
                    } else if (earlyStopping > 0 && done - bestRound >= earlyStopping) {
                        break;
                    }
                }
            }
            byte[] json = booster.toByteArray("json");
            return new Trained(json, done, bestRound, best);
        } catch (XGBoostError e) {
            throw InvalidInputException.of(
                    "xgboost",
                    "XGBoost could not train with these parameters: "
                            + e.getMessage()
                            + "; check the --param values",
                    e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (train != null) {
                train.dispose();
            }
            if (valid != null) {
                valid.dispose();
            }
        }
    }

    /** The value of the last metric in an XGBoost evaluation line ({@code [3]\tvalid-rmse:0.5}). */
    private static double lastMetric(String eval) {
        int colon = eval.lastIndexOf(':');
        return Double.parseDouble(eval.substring(colon + 1).strip());
    }

    /** Rows to watch for early stopping. */
    record Validation(float[] rows, float[] labels) {}

    /**
     * A trained model: its JSON bytes and rounds, and with validation rows, the round with the best
     * validation score and that score (training those rounds again gives that model).
     */
    record Trained(byte[] modelJson, int rounds, int bestRound, double bestScore) {}
}
