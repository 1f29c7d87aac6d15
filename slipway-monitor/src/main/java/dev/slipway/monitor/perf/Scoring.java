package dev.slipway.monitor.perf;

import dev.slipway.api.InvalidInputException;
import dev.slipway.train.metrics.Evaluation;
import dev.slipway.train.metrics.Evaluations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The task's metrics over labelled predictions, computed by the training layer's {@link
 * Evaluations} so that they mean what the training metrics mean.
 */
final class Scoring {

    /** Binary metrics that need probabilities. */
    private static final List<String> BINARY_PROBABILISTIC =
            List.of(Evaluation.AUC, Evaluation.LOG_LOSS);

    private Scoring() {}

    /** Labelled rows: each row's true label, and what the model predicted. */
    record Rows(
            List<String> labels,
            double[][] probabilities,
            List<String> predicted,
            double[] values) {}

    /**
     * The metrics of {@code rows}; {@code source} names the predictions in messages.
     *
     * @throws InvalidInputException when a label is not a class of the model
     */
    static Map<String, Double> score(PredictionColumns columns, Rows rows, String source) {
        int n = rows.labels().size();
        return switch (columns) {
            case PredictionColumns.Binary b -> {
                ClassIndex classes = new ClassIndex(b.classes());
                int[] y = truth(classes, rows.labels(), source);
                double[] p = new double[n];
                boolean probabilistic = b.probability().isPresent();
                for (int i = 0; i < n; i++) {
                    p[i] =
                            probabilistic
                                    ? rows.probabilities()[i][0]
                                    : predicted(classes, rows.predicted().get(i), source);
                }
                Evaluation e =
                        Evaluations.binary(y, p, probabilistic ? b.threshold() : 0.5, b.classes());
                yield pick(e, probabilistic ? List.of() : BINARY_PROBABILISTIC);
            }
            case PredictionColumns.Multiclass m -> {
                ClassIndex classes = new ClassIndex(m.classes());
                int k = m.classes().size();
                int[] y = truth(classes, rows.labels(), source);
                boolean probabilistic = !m.probabilities().isEmpty();
                double[][] p = new double[n][];
                for (int i = 0; i < n; i++) {
                    if (probabilistic) {
                        p[i] = normalized(rows.probabilities()[i]);
                    } else {
                        p[i] = new double[k];
                        p[i][predicted(classes, rows.predicted().get(i), source)] = 1.0;
                    }
                }
                Evaluation e = Evaluations.multiclass(y, p, m.classes());
                yield pick(e, probabilistic ? List.of() : List.of(Evaluation.LOG_LOSS));
            }
            case PredictionColumns.Regression r -> {
                double[] truth = new double[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = number(rows.labels().get(i), source);
                }
                yield pick(Evaluations.regression(truth, rows.values()), List.of(Evaluation.MAPE));
            }
        };
    }

    private static Map<String, Double> pick(Evaluation e, List<String> without) {
        Map<String, Double> out = new LinkedHashMap<>(e.summary());
        out.remove(Evaluation.ROWS);
        without.forEach(out::remove);
        return out;
    }

    private static int[] truth(ClassIndex classes, List<String> labels, String source) {
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            String label = labels.get(i);
            OptionalInt c = classes.find(label);
            if (c.isEmpty()) {
                throw InvalidInputException.of(
                        source,
                        "the label '%s' is not a class of the model (its classes are %s); ingest the corrected label again (the last one wins)"
                                .formatted(label, String.join(", ", classes.classes())));
            }
            y[i] = c.getAsInt();
        }
        return y;
    }

    private static int predicted(ClassIndex classes, String label, String source) {
        OptionalInt c = classes.findPredicted(label);
        if (c.isEmpty()) {
            throw InvalidInputException.of(
                    source,
                    "the %s predicts '%s', which is not a class of the model (its classes are %s); give the model's classes in order"
                            .formatted(source, label, String.join(", ", classes.classes())));
        }
        return c.getAsInt();
    }

    private static double number(String label, String source) {
        try {
            double v = Double.parseDouble(label.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of(
                source,
                "the label '%s' is not a finite number, as a regressor's labels must be; ingest the corrected label again (the last one wins)"
                        .formatted(label));
    }

    /** Probabilities rounded in float add up to 1 within float rounding; renormalised in double. */
    private static double[] normalized(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (!(sum > 0)) {
            return p;
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] / sum;
        }
        return out;
    }
}
