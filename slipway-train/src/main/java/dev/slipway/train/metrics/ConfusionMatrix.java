package dev.slipway.train.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of rows by actual class (row) and predicted class (column), as scikit-learn's {@code
 * confusion_matrix}: {@code counts.get(i).get(j)} rows of class {@code i} were predicted as class
 * {@code j}. For a binary model this is {@code [[tn, fp], [fn, tp]]}. Immutable.
 *
 * @param classes the class names, in label order
 * @param counts one row per class, each with one count per class
 */
public record ConfusionMatrix(List<String> classes, List<List<Long>> counts) {

    public ConfusionMatrix {
        classes = List.copyOf(classes);
        List<List<Long>> copy = new ArrayList<>(counts.size());
        for (List<Long> row : counts) {
            copy.add(List.copyOf(row));
        }
        counts = List.copyOf(copy);
        int k = classes.size();
        if (counts.size() != k) {
            throw new IllegalArgumentException(
                    "a confusion matrix over %d classes needs %d rows, got %d"
                            .formatted(k, k, counts.size()));
        }
        for (int i = 0; i < k; i++) {
            List<Long> row = counts.get(i);
            if (row.size() != k) {
                throw new IllegalArgumentException(
                        "row %d of a confusion matrix over %d classes has %d counts"
                                .formatted(i, k, row.size()));
            }
            for (long c : row) {
                if (c < 0) {
                    throw new IllegalArgumentException(
                            "row %d of a confusion matrix has a negative count %d".formatted(i, c));
                }
            }
        }
    }

    static ConfusionMatrix of(List<String> classes, long[][] counts) {
        List<List<Long>> rows = new ArrayList<>(counts.length);
        for (long[] row : counts) {
            List<Long> r = new ArrayList<>(row.length);
            for (long c : row) {
                r.add(c);
            }
            rows.add(r);
        }
        return new ConfusionMatrix(classes, rows);
    }

    /** The number of rows of class {@code actual} predicted as class {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts.get(actual).get(predicted);
    }

    /** The number of rows counted. */
    public long total() {
        long total = 0;
        for (List<Long> row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }
}
