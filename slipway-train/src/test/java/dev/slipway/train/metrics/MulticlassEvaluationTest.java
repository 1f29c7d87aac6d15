package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multiclass scores through {@link Evaluations#multiclass}. Reference values: the docstrings of
 * {@code classification_report}, {@code f1_score}, {@code precision_score}, {@code recall_score}
 * and {@code confusion_matrix}, and {@code test_log_loss}.
 */
class MulticlassEvaluationTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    /** Probability rows whose highest value is at {@code predicted}. */
    private static double[][] predicting(int k, int... predicted) {
        double[][] rows = new double[predicted.length][k];
        for (int i = 0; i < predicted.length; i++) {
            for (int c = 0; c < k; c++) {
                rows[i][c] = c == predicted[i] ? 0.6 : 0.4 / (k - 1);
            }
        }
        return rows;
    }

    /**
     * {@code classification_report([0, 1, 2, 2, 2], [0, 0, 2, 2, 1])}: precision 0.50 0.00 1.00,
     * recall 1.00 0.00 0.67, f1-score 0.67 0.00 0.80, support 1 1 3, accuracy 0.60, macro avg
     * f1-score 0.49, weighted avg f1-score 0.61.
     */
    @Test
    void multiclass_classificationReportDocstring_matchesPrintedTable() {
        MulticlassEvaluation e =
                Evaluations.multiclass(
                        new int[] {0, 1, 2, 2, 2},
                        predicting(3, 0, 0, 2, 2, 1),
                        List.of("class 0", "class 1", "class 2"));

        String[][] table = {
            {"0.50", "1.00", "0.67", "1"},
            {"0.00", "0.00", "0.00", "1"},
            {"1.00", "0.67", "0.80", "3"}
        };
        for (int c = 0; c < 3; c++) {
            ClassReport r = e.perClass().get(c);
            assertThat(r.name()).isEqualTo("class " + c);
            Published.roundsTo(r.precision(), table[c][0]);
            Published.roundsTo(r.recall(), table[c][1]);
            Published.roundsTo(r.f1(), table[c][2]);
            assertThat(r.support()).isEqualTo(Long.parseLong(table[c][3]));
        }
        Published.roundsTo(e.accuracy(), "0.60");
        Published.roundsTo(e.macroF1(), "0.49");
        Published.roundsTo(e.weightedF1(), "0.61");
    }

    /**
     * {@code f1_score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1])}: macro 0.26..., weighted 0.26...,
     * per class [0.8, 0, 0]; {@code precision_score(average=None)} [0.66666667, 0, 0]; {@code
     * recall_score(average=None)} [1, 0, 0].
     */
    @Test
    void multiclass_f1Docstring_matchesPublishedScores() {
        MulticlassEvaluation e =
                Evaluations.multiclass(
                        new int[] {0, 1, 2, 0, 1, 2}, predicting(3, 0, 2, 1, 0, 0, 1), ABC);

        Published.startsWith(e.macroF1(), "0.26...");
        Published.startsWith(e.weightedF1(), "0.26...");
        assertThat(e.perClass()).extracting(ClassReport::f1).containsExactly(0.8, 0.0, 0.0);
        assertThat(e.perClass())
                .extracting(ClassReport::precision)
                .containsExactly(2.0 / 3, 0.0, 0.0);
        assertThat(e.perClass()).extracting(ClassReport::recall).containsExactly(1.0, 0.0, 0.0);
    }

    /** {@code confusion_matrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])}. */
    @Test
    void multiclass_confusionDocstring_matchesPrintedMatrix() {
        MulticlassEvaluation e =
                Evaluations.multiclass(
                        new int[] {2, 0, 2, 2, 0, 1}, predicting(3, 0, 0, 2, 2, 0, 2), ABC);

        assertThat(e.confusion().counts())
                .isEqualTo(List.of(List.of(2L, 0L, 0L), List.of(0L, 0L, 1L), List.of(1L, 0L, 2L)));
        assertThat(e.accuracy()).isEqualTo(4.0 / 6);
    }

    /** {@code test_log_loss}, multiclass case: 0.6904911. */
    @Test
    void multiclass_logLossTestCase_matchesToSevenDecimals() {
        MulticlassEvaluation e =
                Evaluations.multiclass(
                        new int[] {1, 0, 2},
                        new double[][] {{0.2, 0.7, 0.1}, {0.6, 0.2, 0.2}, {0.6, 0.1, 0.3}},
                        ABC);

        Published.almostEqual(e.logLoss(), 0.6904911);
    }

    @Test
    void multiclass_zeroProbabilityOfTrueClass_isClippedAtMachineEpsilon() {
        MulticlassEvaluation e =
                Evaluations.multiclass(new int[] {2}, new double[][] {{0.5, 0.5, 0.0}}, ABC);

        assertThat(e.logLoss()).isEqualTo(36.04365338911715);
    }

    /**
     * Without {@code labels}, scikit-learn averages over the classes found among the labels or the
     * predictions: class c, in neither, is listed with support 0 but does not lower the macro F1.
     */
    @Test
    void multiclass_classAbsentFromLabelsAndPredictions_isLeftOutOfMacroF1() {
        MulticlassEvaluation e =
                Evaluations.multiclass(new int[] {0, 0, 1}, predicting(3, 0, 0, 1), ABC);

        assertThat(e.macroF1()).isEqualTo(1.0);
        assertThat(e.weightedF1()).isEqualTo(1.0);
        assertThat(e.perClass().get(2)).isEqualTo(new ClassReport("c", 0.0, 0.0, 0.0, 0));
    }

    @Test
    void multiclass_classOnlyPredicted_countsInMacroF1() {
        MulticlassEvaluation e =
                Evaluations.multiclass(new int[] {0, 0, 1}, predicting(3, 0, 2, 1), ABC);

        // f1: a 2/3, b 1, c 0 (predicted once, never true)
        assertThat(e.macroF1()).isEqualTo((2.0 / 3 + 1 + 0) / 3);
        assertThat(e.weightedF1()).isEqualTo((2.0 / 3 * 2 + 1) / 3);
    }

    @Test
    void multiclass_tiedHighestProbabilities_predictTheFirstClass() {
        MulticlassEvaluation e =
                Evaluations.multiclass(new int[] {1}, new double[][] {{0.1, 0.45, 0.45}}, ABC);

        assertThat(e.confusion().count(1, 1)).isEqualTo(1);
    }

    @Test
    void multiclass_summary_listsHeadlineScoresInOrder() {
        MulticlassEvaluation e =
                Evaluations.multiclass(new int[] {0, 1, 2}, predicting(3, 0, 1, 1), ABC);

        assertThat(e.summary().keySet())
                .containsExactly("accuracy", "macro_f1", "weighted_f1", "log_loss", "rows");
        assertThat(e.summary().get("rows")).isEqualTo(3.0);
    }
}
