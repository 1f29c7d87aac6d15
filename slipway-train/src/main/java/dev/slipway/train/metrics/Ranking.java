package dev.slipway.train.metrics;

import java.util.Arrays;

/**
 * ROC AUC as scikit-learn's {@code roc_auc_score}, in O(n log n).
 *
 * <p>scikit-learn integrates the ROC curve by the trapezoidal rule over its distinct thresholds; a
 * run of tied scores is one diagonal step, which counts each positive–negative pair tied on score
 * as half a correctly ordered pair. The area is therefore the Mann–Whitney U statistic divided by
 * {@code positives × negatives}, which this computes exactly from two sorted arrays.
 */
final class Ranking {

    private Ranking() {}

    /**
     * The area under the ROC curve of {@code scores} for {@code labels} (1 positive, 0 negative);
     * NaN when the labels hold one class only, as scikit-learn (which also warns).
     */
    static double rocAuc(int[] labels, double[] scores) {
        int positives = 0;
        for (int label : labels) {
            positives += label;
        }
        int negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < labels.length; i++) {
            // + 0.0 turns -0.0 into 0.0 so that the sorted order agrees with ==
            if (labels[i] == 1) {
                pos[p++] = scores[i] + 0.0;
            } else {
                neg[q++] = scores[i] + 0.0;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // twice U: for each positive, 2 per negative scored below it and 1 per negative tied
        long twiceU = 0;
        int below = 0;
        int notAbove = 0;
        for (double s : pos) {
            while (below < negatives && neg[below] < s) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < negatives && neg[notAbove] <= s) {
                notAbove++;
            }
            twiceU += below + notAbove;
        }
        return twiceU / (2.0 * positives * negatives);
    }
}
