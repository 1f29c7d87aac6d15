package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binary scores through {@link Evaluations#binary}. Reference values: the docstrings of {@code
 * log_loss}, {@code confusion_matrix} and {@code f1_score}, and {@code test_log_loss} in
 * scikit-learn's {@code metrics/tests/test_classification.py}.
 */
class BinaryEvaluationTest {

    private static final List<String> NO_YES = List.of("no", "yes");

    /**
     * {@code log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]])}.
     */
    @Test
    void binary_logLossDocstringExample_matchesPublishedDigits() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {1, 0, 0, 1},
                        new double[] {0.9, 0.1, 0.2, 0.65},
                        List.of("ham", "spam"));

        Published.startsWith(e.logLoss(), "0.21616...");
    }

    /** {@code test_log_loss}: labels no, no, no, yes, yes, yes; 1.8817971. */
    @Test
    void binary_logLossTestCase_matchesToSevenDecimals() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 0, 0, 1, 1, 1},
                        new double[] {0.5, 0.9, 0.99, 0.1, 0.25, 0.999},
                        NO_YES);

        Published.almostEqual(e.logLoss(), 1.8817971);
    }

    /**
     * Probabilities 0 and 1 are clipped to [ε, 1 − ε] with ε = np.finfo(np.float64).eps = 2⁻⁵², so
     * a confidently wrong row costs −ln(2⁻⁵²) = 52 ln 2 = 36.04365338911715.
     */
    @Test
    void binary_confidentlyWrong_isClippedAtMachineEpsilon() {
        BinaryEvaluation e = Evaluations.binary(new int[] {0, 1}, new double[] {1.0, 0.0}, NO_YES);

        assertThat(e.logLoss()).isEqualTo(36.04365338911715);
    }

    /** {@code confusion_matrix([0, 1, 0, 1], [1, 1, 1, 0]).ravel()} is (0, 2, 1, 1). */
    @Test
    void binary_confusionDocstringExample_isTnFpFnTp() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 1, 0, 1}, new double[] {0.9, 0.8, 0.7, 0.2}, NO_YES);

        assertThat(e.confusion().counts()).isEqualTo(List.of(List.of(0L, 2L), List.of(1L, 1L)));
        assertThat(List.of(e.trueNegatives(), e.falsePositives(), e.falseNegatives()))
                .containsExactly(0L, 2L, 1L);
        assertThat(e.truePositives()).isEqualTo(1L);
    }

    /** By hand from tp 1, fp 2, fn 1, tn 0: 1/3, 1/2, 2/(2 + 2 + 1), 1/4. */
    @Test
    void binary_countsAtThreshold_givePrecisionRecallF1Accuracy() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 1, 0, 1}, new double[] {0.9, 0.8, 0.7, 0.2}, NO_YES);

        assertThat(e.precision()).isEqualTo(1.0 / 3);
        assertThat(e.recall()).isEqualTo(0.5);
        assertThat(e.f1()).isEqualTo(0.4);
        assertThat(e.accuracy()).isEqualTo(0.25);
    }

    @Test
    void binary_probabilityEqualToThreshold_isPredictedPositive() {
        BinaryEvaluation e =
                Evaluations.binary(new int[] {1, 0}, new double[] {0.7, 0.69}, 0.7, NO_YES);

        assertThat(e.truePositives()).isEqualTo(1);
        assertThat(e.trueNegatives()).isEqualTo(1);
        assertThat(e.threshold()).isEqualTo(0.7);
    }

    /**
     * The {@code f1_score} docstring: all labels and predictions 0 give F1 0.0 under the default
     * {@code zero_division}; precision and recall are 0.0 likewise, and AUC, with one class only,
     * is NaN.
     */
    @Test
    void binary_noPositiveLabelsNorPredictions_scoresZeroDivisionAsZero() {
        BinaryEvaluation e =
                Evaluations.binary(new int[6], new double[] {0.1, 0.2, 0, 0.3, 0.4, 0.49}, NO_YES);

        assertThat(e.f1()).isEqualTo(0.0);
        assertThat(e.precision()).isEqualTo(0.0);
        assertThat(e.recall()).isEqualTo(0.0);
        assertThat(e.accuracy()).isEqualTo(1.0);
        assertThat(e.auc()).isNaN();
    }

    @Test
    void binary_noRowPredictedPositive_hasPrecisionZero() {
        BinaryEvaluation e = Evaluations.binary(new int[] {1, 0}, new double[] {0.2, 0.1}, NO_YES);

        assertThat(e.precision()).isEqualTo(0.0);
        assertThat(e.recall()).isEqualTo(0.0);
        assertThat(e.f1()).isEqualTo(0.0);
    }

    @Test
    void binary_auc_isTheRocAucOfTheProbabilities() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}, NO_YES);

        assertThat(e.auc()).isEqualTo(0.75);
    }

    @Test
    void binary_positiveClass_isClassOne() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 1}, new double[] {0.2, 0.8}, List.of("<=50K", ">50K"));

        assertThat(e.positiveClass()).isEqualTo(">50K");
        assertThat(e.confusion().classes()).containsExactly("<=50K", ">50K");
    }

    @Test
    void binary_defaultThreshold_isOneHalf() {
        BinaryEvaluation e = Evaluations.binary(new int[] {1}, new double[] {0.5}, NO_YES);

        assertThat(e.threshold()).isEqualTo(0.5);
        assertThat(e.truePositives()).isEqualTo(1);
    }

    @Test
    void binary_summary_listsHeadlineScoresInOrder() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 1, 0, 1}, new double[] {0.9, 0.8, 0.7, 0.2}, NO_YES);

        assertThat(e.summary())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("auc", e.auc()),
                        org.assertj.core.api.Assertions.entry("log_loss", e.logLoss()),
                        org.assertj.core.api.Assertions.entry("accuracy", 0.25),
                        org.assertj.core.api.Assertions.entry("precision", 1.0 / 3),
                        org.assertj.core.api.Assertions.entry("recall", 0.5),
                        org.assertj.core.api.Assertions.entry("f1", 0.4),
                        org.assertj.core.api.Assertions.entry("rows", 4.0));
    }
}
