package dev.slipway.train;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.train.metrics.Evaluation;
import dev.slipway.train.metrics.Evaluations;

/**
 * Evaluates a trained model on the held-out rows through the same predictor a server would load
 * (feature pipeline included), so the recorded metrics are those of the served model.
 */
final class Evaluator {

    private Evaluator() {}

    static Evaluation evaluate(Predictor predictor, Prepared data, double threshold) {
        Frame out = predictor.predict(data.testRows());
        float[] labels = data.testLabels();
        int n = labels.length;
        return switch (data.target().task()) {
            case BINARY -> {
                Column p = out.column(Signature.PROBABILITIES);
                int[] y = new int[n];
                double[] prob = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = (int) labels[i];
                    prob[i] = value(p, i, 1);
                }
                yield Evaluations.binary(y, prob, threshold, data.target().classes());
            }
            case MULTICLASS -> {
                Column p = out.column(Signature.PROBABILITIES);
                int k = data.target().classes().size();
                int[] y = new int[n];
                double[][] prob = new double[n][k];
                for (int i = 0; i < n; i++) {
                    y[i] = (int) labels[i];
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        prob[i][c] = value(p, i, c);
                        sum += prob[i][c];
                    }
                    // float32 probabilities sum to 1 within float rounding; renormalise in double.
                    for (int c = 0; c < k; c++) {
                        prob[i][c] /= sum;
                    }
                }
                yield Evaluations.multiclass(y, prob, data.target().classes());
            }
            case REGRESSION -> {
                Column p = out.column(Signature.PREDICTION);
                double[] truth = new double[n];
                double[] pred = new double[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = labels[i];
                    pred[i] = value(p, i, 0);
                }
                yield Evaluations.regression(truth, pred);
            }
        };
    }

    private static double value(Column c, int row, int index) {
        return switch (c) {
            case FloatColumn f -> f.get(row, index);
            case DoubleColumn d -> d.get(row, index);
            default ->
                    throw new IllegalStateException(
                            "the model's output '%s' is %s, not numbers"
                                    .formatted(c.name(), c.dtype()));
        };
    }
}
