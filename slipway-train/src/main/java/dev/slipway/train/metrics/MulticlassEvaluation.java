package dev.slipway.train.metrics;

import dev.slipway.api.model.Task;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of a multiclass classifier on held-out rows. Immutable.
 *
 * <p>The class predicted for a row is the one with the highest probability, the first of them on a
 * tie (numpy's {@code argmax}).
 *
 * @param rows the number of rows
 * @param classes the class names, in label order
 * @param accuracy the share of rows whose predicted class is right
 * @param macroF1 the unweighted mean F1 over the classes that occur among the labels or the
 *     predictions ({@code f1_score(average="macro")})
 * @param weightedF1 the mean F1 weighted by each class's support ({@code
 *     f1_score(average="weighted")})
 * @param logLoss the mean log loss ({@code log_loss}), probabilities clipped to [ε, 1 − ε] with ε
 *     the machine epsilon of float64
 * @param perClass one report per class, in label order, classes absent from the rows included
 * @param confusion the counts by actual and predicted class
 */
public record MulticlassEvaluation(
        long rows,
        List<String> classes,
        double accuracy,
        double macroF1,
        double weightedF1,
        double logLoss,
        List<ClassReport> perClass,
        ConfusionMatrix confusion)
        implements Evaluation {

    public MulticlassEvaluation {
        Scores.requireRows(rows);
        classes = Scores.requireClasses(classes, 2);
        Scores.requireUnit("accuracy", accuracy);
        Scores.requireUnit("macro f1", macroF1);
        Scores.requireUnit("weighted f1", weightedF1);
        Scores.requireNonNegative("log loss", logLoss);
        perClass = List.copyOf(perClass);
        if (!perClass.stream().map(ClassReport::name).toList().equals(classes)) {
            throw new IllegalArgumentException(
                    "the per-class report must list the classes %s in order".formatted(classes));
        }
        long support = perClass.stream().mapToLong(ClassReport::support).sum();
        Objects.requireNonNull(confusion, "confusion");
        if (!confusion.classes().equals(classes) || confusion.total() != rows || support != rows) {
            throw new IllegalArgumentException(
                    "the confusion matrix and supports must be over %s and count %d rows"
                            .formatted(classes, rows));
        }
    }

    @Override
    public Task task() {
        return Task.MULTICLASS;
    }

    /** {@code accuracy, macro_f1, weighted_f1, log_loss, rows}. */
    @Override
    public Map<String, Double> summary() {
        return Scores.ordered(
                ACCURACY,
                accuracy,
                MACRO_F1,
                macroF1,
                WEIGHTED_F1,
                weightedF1,
                LOG_LOSS,
                logLoss,
                ROWS,
                rows);
    }
}
