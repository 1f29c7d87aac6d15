package dev.slipway.train;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The target column: which task it implies, its class names, and the label XGBoost trains on for
 * each row.
 *
 * <p>A categorical, boolean or text target is a classification target; an integer target with at
 * most {@value #MAX_INTEGER_CLASSES} distinct values too; any other number is a regression target.
 * Class names are sorted (numerically for integers), so the positive class of a binary target is
 * the second: {@code >50K} after {@code <=50K}, {@code true} after {@code false}, 1 after 0.
 */
record Target(String column, Task task, List<String> classes) {

    static final int MAX_INTEGER_CLASSES = 20;

    /** Infers the task (unless {@code chosen}) and the classes from the target's values. */
    static Target infer(Field field, Column values, Optional<Task> chosen) {
        String name = field.name();
        LogicalType type = field.type();
        if (type == LogicalType.TIMESTAMP) {
            throw InvalidInputException.of(
                    "--target",
                    "target '%s' holds timestamps; predict a number or a category instead"
                            .formatted(name));
        }
        List<String> distinct = distinct(values, type);
        if (distinct.isEmpty()) {
            throw InvalidInputException.of(
                    "--target", "target '%s' has no values: every row is missing".formatted(name));
        }
        boolean numeric = type == LogicalType.NUMERIC || type == LogicalType.INTEGER;
        Task task =
                chosen.orElseGet(
                        () -> {
                            if (type == LogicalType.NUMERIC
                                    || (type == LogicalType.INTEGER
                                            && distinct.size() > MAX_INTEGER_CLASSES)) {
                                return Task.REGRESSION;
                            }
                            return distinct.size() <= 2 ? Task.BINARY : Task.MULTICLASS;
                        });
        switch (task) {
            case REGRESSION -> {
                if (!numeric) {
                    throw InvalidInputException.of(
                            "--task",
                            "target '%s' is %s, so it cannot be a regression target; use --task binary or multiclass"
                                    .formatted(name, type.label()));
                }
                return new Target(name, task, List.of());
            }
            case BINARY -> {
                if (distinct.size() != 2) {
                    throw classCount(name, distinct, "binary needs exactly 2");
                }
            }
            case MULTICLASS -> {
                if (distinct.size() < 2) {
                    throw classCount(name, distinct, "multiclass needs at least 2");
                }
            }
        }
        return new Target(name, task, distinct);
    }

    private static InvalidInputException classCount(
            String name, List<String> classes, String need) {
        String shown = classes.size() > 10 ? classes.subList(0, 10) + "..." : classes.toString();
        return InvalidInputException.of(
                "--target",
                "target '%s' has %d class(es) %s, but %s; choose another target or --task"
                        .formatted(name, classes.size(), shown, need));
    }

    /** The label of each row: the class index, or the value for regression; NaN when missing. */
    float[] labels(Column values) {
        int rows = values.rows();
        float[] out = new float[rows];
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        for (int r = 0; r < rows; r++) {
            if (values.isNull(r)) {
                out[r] = Float.NaN;
            } else if (task == Task.REGRESSION) {
                out[r] = (float) number(values, r);
            } else {
                Integer i = index.get(text(values, r));
                out[r] = i == null ? Float.NaN : i;
            }
        }
        return out;
    }

    private static List<String> distinct(Column values, LogicalType type) {
        if (type == LogicalType.NUMERIC) {
            TreeSet<Double> seen = new TreeSet<>();
            for (int r = 0; r < values.rows() && seen.size() <= MAX_INTEGER_CLASSES; r++) {
                if (!values.isNull(r)) {
                    seen.add(number(values, r));
                }
            }
            List<String> out = new ArrayList<>();
            seen.forEach(v -> out.add(Double.toString(v)));
            return out;
        }
        Comparator<String> order =
                type == LogicalType.INTEGER
                        ? Comparator.comparingLong(Long::parseLong)
                        : Comparator.naturalOrder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 0; r < values.rows(); r++) {
            if (!values.isNull(r)) {
                seen.add(text(values, r));
            }
        }
        return seen.stream().sorted(order).toList();
    }

    private static double number(Column c, int r) {
        return switch (c) {
            case DoubleColumn d -> d.get(r);
            case FloatColumn f -> f.get(r);
            case LongColumn l -> l.get(r);
            case BoolColumn b -> b.get(r) ? 1 : 0;
            case StringColumn s ->
                    throw new IllegalStateException("text target read as a number: " + s.name());
        };
    }

    private static String text(Column c, int r) {
        return switch (c) {
            case StringColumn s -> s.get(r);
            case LongColumn l -> Long.toString(l.get(r));
            case BoolColumn b -> Boolean.toString(b.get(r));
            case DoubleColumn d -> Double.toString(d.get(r));
            case FloatColumn f -> Float.toString(f.get(r));
        };
    }
}
