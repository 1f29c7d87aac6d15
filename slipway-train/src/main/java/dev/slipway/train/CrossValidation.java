package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * K-fold cross-validation of one parameter set on the training rows, with early stopping on each
 * held-out fold. Rows are dealt to folds by a seeded shuffle, so the same rows, K and seed give the
 * same folds.
 */
final class CrossValidation {

    /** Reports finished rounds of the current fold. */
    interface FoldListener {
        void fold(int fold, int folds);
    }

    private CrossValidation() {}

    /**
     * The mean and spread over folds of the validation metric at each fold's best round, and the
     * mean best round (the rounds to train the final model with).
     */
    record Result(String metric, double mean, double std, int rounds, double[] scores) {}

    static Result run(
            float[] matrix,
            int rows,
            int columns,
            float[] labels,
            Map<String, Object> params,
            int maxRounds,
            int folds,
            int earlyStopping,
            long seed,
            FoldListener listener) {
        if (folds < 2 || folds > rows) {
            throw InvalidInputException.of(
                    "--folds",
                    "--folds must be from 2 to the number of training rows (%d), got %d"
                            .formatted(rows, folds));
        }
        int[] fold = assign(rows, folds, seed);
        double[] scores = new double[folds];
        long roundSum = 0;
        for (int k = 0; k < folds; k++) {
            listener.fold(k, folds);
            int trainCount = 0;
            for (int f : fold) {
                if (f != k) {
                    trainCount++;
                }
            }
            int validCount = rows - trainCount;
            float[] tm = new float[trainCount * columns];
            float[] tl = new float[trainCount];
            float[] vm = new float[validCount * columns];
            float[] vl = new float[validCount];
            int t = 0;
            int v = 0;
            for (int r = 0; r < rows; r++) {
                if (fold[r] == k) {
                    System.arraycopy(matrix, r * columns, vm, v * columns, columns);
                    vl[v++] = labels[r];
                } else {
                    System.arraycopy(matrix, r * columns, tm, t * columns, columns);
                    tl[t++] = labels[r];
                }
            }
            XGBoostTrainer.Trained trained =
                    XGBoostTrainer.train(
                            tm,
                            trainCount,
                            columns,
                            tl,
                            params,
                            maxRounds,
                            Optional.of(new XGBoostTrainer.Validation(vm, vl)),
                            earlyStopping,
                            (done, total) -> {});
            scores[k] = trained.bestScore();
            roundSum += trained.bestRound();
        }
        double mean = Arrays.stream(scores).average().orElseThrow();
        double var = Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).sum() / folds;
        int rounds = (int) Math.max(1, Math.round((double) roundSum / folds));
        return new Result(
                String.valueOf(params.get("eval_metric")), mean, Math.sqrt(var), rounds, scores);
    }

    /** The fold of each row: a seeded shuffle of the rows dealt round-robin. */
    static int[] assign(int rows, int folds, long seed) {
        long[] keys = new long[rows];
        for (int r = 0; r < rows; r++) {
            keys[r] = Split.key(seed, r);
        }
        Integer[] byKey = new Integer[rows];
        for (int r = 0; r < rows; r++) {
            byKey[r] = r;
        }
        Arrays.sort(byKey, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : a - b);
        int[] fold = new int[rows];
        for (int i = 0; i < rows; i++) {
            fold[byKey[i]] = i % folds;
        }
        return fold;
    }
}
