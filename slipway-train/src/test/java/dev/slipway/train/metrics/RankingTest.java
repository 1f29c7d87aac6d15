package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ROC AUC. Reference values: scikit-learn's User Guide on {@code roc_auc_score} (labels {@code [0,
 * 0, 1, 1]} scored {@code [0.1, 0.4, 0.35, 0.8]} give 0.75) and {@code test_roc_curve_toydata} in
 * {@code metrics/tests/test_ranking.py}; the tie rule against the Mann–Whitney definition.
 */
class RankingTest {

    @Test
    void rocAuc_userGuideExample_isThreeQuarters() {
        assertThat(Ranking.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}))
                .isEqualTo(0.75);
    }

    @Test
    void rocAuc_perfectRanking_isOne() {
        assertThat(Ranking.rocAuc(new int[] {0, 1}, new double[] {0, 1})).isEqualTo(1.0);
        assertThat(Ranking.rocAuc(new int[] {1, 0}, new double[] {1, 0})).isEqualTo(1.0);
    }

    @Test
    void rocAuc_reversedRanking_isZero() {
        assertThat(Ranking.rocAuc(new int[] {0, 1}, new double[] {1, 0})).isEqualTo(0.0);
    }

    @Test
    void rocAuc_allScoresTied_isOneHalf() {
        assertThat(Ranking.rocAuc(new int[] {1, 0}, new double[] {1, 1})).isEqualTo(0.5);
        assertThat(Ranking.rocAuc(new int[] {1, 0}, new double[] {0.5, 0.5})).isEqualTo(0.5);
    }

    /**
     * By hand: thresholds 0.7, 0.3, 0.1 give (fpr, tpr) = (0, 1/3), (1/2, 2/3), (1, 1); the
     * trapezoids from (0, 0) add up to 0 + 1/2 × (1/3 + 2/3) / 2 + 1/2 × (2/3 + 1) / 2 = 2/3. The
     * tied pairs at 0.3 and at 0.1 each count one half.
     */
    @Test
    void rocAuc_tiesAcrossClasses_countHalfAPair() {
        int[] y = {0, 1, 0, 1, 1};
        double[] s = {0.3, 0.3, 0.1, 0.7, 0.1};
        assertThat(Ranking.rocAuc(y, s)).isEqualTo(2.0 / 3.0);
    }

    @Test
    void rocAuc_negativeZeroAndZero_areTied() {
        assertThat(Ranking.rocAuc(new int[] {1, 0}, new double[] {-0.0, 0.0})).isEqualTo(0.5);
        assertThat(Ranking.rocAuc(new int[] {1, 0}, new double[] {0.0, -0.0})).isEqualTo(0.5);
    }

    @Test
    void rocAuc_oneClassOnly_isNaN() {
        assertThat(Ranking.rocAuc(new int[] {1, 1, 1}, new double[] {0.1, 0.5, 0.9})).isNaN();
        assertThat(Ranking.rocAuc(new int[] {0, 0}, new double[] {0.1, 0.5})).isNaN();
    }

    @Test
    void rocAuc_randomTiedScores_equalsMannWhitneyU() {
        Random random = new Random(20240917L);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + random.nextInt(300);
            int levels = 1 + random.nextInt(12);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextDouble() < 0.3 ? 1 : 0;
                s[i] = random.nextInt(levels) / (double) levels;
            }
            y[0] = 1;
            y[1] = 0;
            assertThat(Ranking.rocAuc(y, s)).as("trial %d", trial).isEqualTo(mannWhitney(y, s));
        }
    }

    @Test
    void rocAuc_randomDistinctScores_equalsMannWhitneyU() {
        Random random = new Random(7L);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + random.nextInt(1000);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextBoolean() ? 1 : 0;
                s[i] = random.nextDouble();
            }
            y[0] = 1;
            y[1] = 0;
            assertThat(Ranking.rocAuc(y, s)).as("trial %d", trial).isEqualTo(mannWhitney(y, s));
        }
    }

    /** The definition: the share of (positive, negative) pairs ranked right, ties counting 1/2. */
    private static double mannWhitney(int[] y, double[] s) {
        double u = 0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    if (s[i] > s[j]) {
                        u += 1;
                    } else if (s[i] == s[j]) {
                        u += 0.5;
                    }
                }
            }
        }
        return u / pairs;
    }
}
