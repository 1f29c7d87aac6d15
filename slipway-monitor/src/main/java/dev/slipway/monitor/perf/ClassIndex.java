package dev.slipway.monitor.perf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds the class a label names: by its exact name, else, for a number, the class whose name is the
 * same number ({@code 1.0} is class {@code 1}). Immutable.
 */
final class ClassIndex {

    private final List<String> classes;
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<Double, Integer> byNumber = new HashMap<>();

    ClassIndex(List<String> classes) {
        this.classes = List.copyOf(classes);
        for (int i = 0; i < classes.size(); i++) {
            byName.putIfAbsent(classes.get(i), i);
            Double d = parse(classes.get(i));
            if (d != null) {
                byNumber.putIfAbsent(d, i);
            }
        }
    }

    List<String> classes() {
        return classes;
    }

    /** The index of the class {@code label} names, if any. */
    OptionalInt find(String label) {
        Integer i = byName.get(label);
        if (i == null) {
            Double d = parse(label);
            i = d == null ? null : byNumber.get(d);
        }
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /**
     * The class a model's predicted label names: as {@link #find}, else an integer label is a class
     * index (models without class names predict 0, 1, ...).
     */
    OptionalInt findPredicted(String label) {
        OptionalInt i = find(label);
        if (i.isPresent()) {
            return i;
        }
        Double d = parse(label);
        if (d != null && d == Math.rint(d) && d >= 0 && d < classes.size()) {
            return OptionalInt.of(d.intValue());
        }
        return OptionalInt.empty();
    }

    private static Double parse(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d + 0.0 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
