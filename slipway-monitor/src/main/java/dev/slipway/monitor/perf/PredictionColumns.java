package dev.slipway.monitor.perf;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.PredictionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of the predictions hold what a model predicted, by task. Immutable.
 *
 * <p>For a classifier, metrics come from the probabilities when there are some (thresholded at the
 * model's threshold, or the most probable class), else from the predicted class, in which case the
 * metrics that need probabilities (AUC, log loss) are left out.
 */
public sealed interface PredictionColumns
        permits PredictionColumns.Binary,
                PredictionColumns.Multiclass,
                PredictionColumns.Regression {

    /** The task these columns are read for. */
    Task task();

    /**
     * A binary classifier's columns.
     *
     * @param classes the two class names: class 0, then the positive class 1
     * @param probability the column of the probability of the positive class
     * @param label the column of the predicted class (its name, or index 0 or 1)
     * @param threshold the probability at or above which the positive class is predicted
     */
    record Binary(
            List<String> classes,
            Optional<String> probability,
            Optional<String> label,
            double threshold)
            implements PredictionColumns {
        public Binary {
            classes = List.copyOf(classes);
            Objects.requireNonNull(probability, "probability");
            Objects.requireNonNull(label, "label");
            if (classes.size() != 2) {
                throw InvalidInputException.of(
                        "classes",
                        "a binary model has 2 classes (class 0, then the positive class), got %s"
                                .formatted(classes));
            }
            if (probability.isEmpty() && label.isEmpty()) {
                throw InvalidInputException.of(
                        "prediction columns",
                        "name the column of the positive class's probability, or of the predicted class");
            }
            if (!(threshold > 0 && threshold < 1)) {
                throw InvalidInputException.of(
                        "threshold", "the threshold must be between 0 and 1, got " + threshold);
            }
        }

        @Override
        public Task task() {
            return Task.BINARY;
        }
    }

    /**
     * A multiclass classifier's columns.
     *
     * @param classes the class names, in class order
     * @param probabilities one column per class, in class order, or none
     * @param label the column of the predicted class (its name or index)
     */
    record Multiclass(List<String> classes, List<String> probabilities, Optional<String> label)
            implements PredictionColumns {
        public Multiclass {
            classes = List.copyOf(classes);
            probabilities = List.copyOf(probabilities);
            Objects.requireNonNull(label, "label");
            if (classes.size() < 2) {
                throw InvalidInputException.of(
                        "classes", "a classifier has at least 2 classes, got " + classes);
            }
            if (!probabilities.isEmpty() && probabilities.size() != classes.size()) {
                throw InvalidInputException.of(
                        "prediction columns",
                        "give one probability column per class (%d), or none; got %s"
                                .formatted(classes.size(), probabilities));
            }
            if (probabilities.isEmpty() && label.isEmpty()) {
                throw InvalidInputException.of(
                        "prediction columns",
                        "name the probability columns, or the column of the predicted class");
            }
        }

        @Override
        public Task task() {
            return Task.MULTICLASS;
        }
    }

    /**
     * A regressor's column.
     *
     * @param prediction the column of the predicted value
     */
    record Regression(String prediction) implements PredictionColumns {
        public Regression {
            Objects.requireNonNull(prediction, "prediction");
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }
    }

    /**
     * The columns of a prediction log written by {@code slipway serve}: {@code label}, {@code
     * probabilities_<class>}, {@code prediction} (or these names prefixed {@code output_}). The
     * task, classes and threshold come from {@code baseline} when given; else the task is told from
     * the columns ({@code prediction}: regression; two {@code probabilities_*}: binary; more:
     * multiclass), the classes from the probability columns' names, the threshold is 0.5.
     *
     * @throws InvalidInputException when the columns do not tell the task, or lack what it needs
     */
    static PredictionColumns infer(PredictionTable data, Optional<ModelBaseline> baseline) {
        List<String> probabilityClasses = new ArrayList<>();
        String prefix = Signature.PROBABILITIES + "_";
        for (DataColumn c : data.outputs()) {
            String n = c.name().startsWith("output_" + prefix) ? c.name().substring(7) : c.name();
            if (n.startsWith(prefix)) {
                probabilityClasses.add(n.substring(prefix.length()));
            }
        }
        Optional<String> label = find(data, Signature.LABEL);
        Optional<String> prediction = find(data, Signature.PREDICTION);
        Task task =
                baseline.flatMap(ModelBaseline::task)
                        .orElseGet(() -> taskOf(data, prediction, probabilityClasses.size()));
        List<String> classes =
                baseline.map(ModelBaseline::classes)
                        .filter(c -> !c.isEmpty())
                        .orElse(probabilityClasses);
        double threshold = baseline.map(ModelBaseline::threshold).orElse(0.5);
        return switch (task) {
            case REGRESSION ->
                    new Regression(
                            prediction.orElseThrow(
                                    () -> lacking(data, "a 'prediction' column for a regressor")));
            case BINARY -> {
                if (classes.size() != 2) {
                    throw lacking(data, "the two probability columns of a binary classifier");
                }
                yield new Binary(classes, find(data, prefix + classes.get(1)), label, threshold);
            }
            case MULTICLASS -> {
                if (classes.size() < 2) {
                    throw lacking(data, "the probability columns of a classifier");
                }
                List<String> columns = new ArrayList<>();
                for (String c : classes) {
                    find(data, prefix + c).ifPresent(columns::add);
                }
                yield new Multiclass(
                        classes, columns.size() == classes.size() ? columns : List.of(), label);
            }
        };
    }

    private static Task taskOf(
            PredictionTable data, Optional<String> prediction, int probabilities) {
        if (prediction.isPresent()) {
            return Task.REGRESSION;
        }
        if (probabilities == 2) {
            return Task.BINARY;
        }
        if (probabilities > 2) {
            return Task.MULTICLASS;
        }
        throw lacking(data, "'prediction' or 'probabilities_<class>' columns to tell the task");
    }

    private static Optional<String> find(PredictionTable data, String name) {
        for (String candidate : List.of(name, "output_" + name)) {
            Optional<String> hit =
                    data.outputs().stream()
                            .map(DataColumn::name)
                            .filter(candidate::equals)
                            .findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static InvalidInputException lacking(PredictionTable data, String what) {
        return InvalidInputException.of(
                data.source(),
                "the %s has no %s; its outputs are %s. Name the prediction columns explicitly"
                        .formatted(data.source(), what, data.outputNames()));
    }
}
