package dev.slipway.train.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 from a confusion matrix, as scikit-learn's {@code
 * precision_recall_fscore_support} with its default {@code zero_division="warn"}: a ratio whose
 * denominator is zero is 0.0 (scikit-learn also warns). F1 is {@code 2 tp / (2 tp + fp + fn)},
 * which scikit-learn uses since 1.3 and which equals the harmonic mean of precision and recall
 * whenever both are defined.
 */
final class ClassCounts {

    private ClassCounts() {}

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    static double precision(long tp, long predicted) {
        return ratio(tp, predicted);
    }

    static double recall(long tp, long support) {
        return ratio(tp, support);
    }

    static double f1(long tp, long support, long predicted) {
        return ratio(2 * tp, support + predicted);
    }

    /** One report per class of {@code counts[actual][predicted]}. */
    static List<ClassReport> report(List<String> classes, long[][] counts) {
        int k = classes.size();
        List<ClassReport> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            long tp = counts[c][c];
            long support = 0;
            long predicted = 0;
            for (int j = 0; j < k; j++) {
                support += counts[c][j];
                predicted += counts[j][c];
            }
            out.add(
                    new ClassReport(
                            classes.get(c),
                            precision(tp, predicted),
                            recall(tp, support),
                            f1(tp, support, predicted),
                            support));
        }
        return out;
    }

    /**
     * The unweighted mean F1 over the classes that occur among the labels or the predictions:
     * scikit-learn's {@code average="macro"} without {@code labels}, which averages over {@code
     * unique_labels(y_true, y_pred)}.
     */
    static double macroF1(List<ClassReport> report, long[][] counts) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < report.size(); c++) {
            long predicted = 0;
            for (long[] row : counts) {
                predicted += row[c];
            }
            if (report.get(c).support() + predicted > 0) {
                sum += report.get(c).f1();
                present++;
            }
        }
        return sum / present;
    }

    /** The mean F1 weighted by support: scikit-learn's {@code average="weighted"}. */
    static double weightedF1(List<ClassReport> report) {
        double sum = 0;
        long support = 0;
        for (ClassReport r : report) {
            sum += r.f1() * r.support();
            support += r.support();
        }
        return sum / support;
    }
}
