package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationsValidationTest {

    private static final List<String> AB = List.of("a", "b");
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void binary_lengthsDiffer_isRefused() {
        assertThatThrownBy(() -> Evaluations.binary(new int[] {0, 1}, new double[] {0.5}, AB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("labels has 2 rows but probabilities has 1");
    }

    @Test
    void binary_noRows_isRefused() {
        assertThatThrownBy(() -> Evaluations.binary(new int[0], new double[0], AB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void binary_labelOutOfRange_isRefusedWithRow() {
        assertThatThrownBy(() -> Evaluations.binary(new int[] {0, 2}, new double[] {0.1, 0.2}, AB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("labels[1] is 2")
                .hasMessageContaining("0 to 1 (a, b)");
    }

    @Test
    void binary_probabilityAboveOne_isRefusedWithRow() {
        assertThatThrownBy(() -> Evaluations.binary(new int[] {0, 1}, new double[] {0.1, 1.2}, AB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("probabilities[1] is 1.2")
                .hasMessageContaining("of 'b'");
    }

    @Test
    void binary_probabilityNaN_isRefused() {
        assertThatThrownBy(() -> Evaluations.binary(new int[] {0}, new double[] {Double.NaN}, AB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("probabilities[0] is NaN");
    }

    @Test
    void binary_negativeProbability_isRefused() {
        assertThatThrownBy(() -> Evaluations.binary(new int[] {0}, new double[] {-0.1}, AB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("probabilities[0] is -0.1");
    }

    @Test
    void binary_thresholdOutOfRange_isRefused() {
        assertThatThrownBy(() -> Evaluations.binary(new int[] {0}, new double[] {0.1}, 1.5, AB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("threshold")
                .hasMessageContaining("1.5");
    }

    @Test
    void binary_threeClassNames_isRefused() {
        assertThatThrownBy(() -> Evaluations.binary(new int[] {0}, new double[] {0.1}, ABC))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs 2 class names, got 3");
    }

    @Test
    void binary_duplicateClassNames_isRefused() {
        assertThatThrownBy(
                        () ->
                                Evaluations.binary(
                                        new int[] {0}, new double[] {0.1}, List.of("a", "a")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("distinct");
    }

    @Test
    void multiclass_rowOfWrongWidth_isRefusedWithRow() {
        assertThatThrownBy(
                        () ->
                                Evaluations.multiclass(
                                        new int[] {0, 1},
                                        new double[][] {{0.2, 0.3, 0.5}, {0.5, 0.5}},
                                        ABC))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("probabilities[1] has 2 values but there are 3 classes");
    }

    @Test
    void multiclass_rowNotAddingUpToOne_isRefused() {
        assertThatThrownBy(
                        () ->
                                Evaluations.multiclass(
                                        new int[] {0}, new double[][] {{0.2, 0.3, 0.3}}, ABC))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("probabilities[0] adds up to 0.8");
    }

    @Test
    void multiclass_labelOutOfRange_isRefused() {
        assertThatThrownBy(
                        () ->
                                Evaluations.multiclass(
                                        new int[] {3}, new double[][] {{0.2, 0.3, 0.5}}, ABC))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("labels[0] is 3");
    }

    @Test
    void multiclass_oneClassName_isRefused() {
        assertThatThrownBy(
                        () ->
                                Evaluations.multiclass(
                                        new int[] {0}, new double[][] {{1.0}}, List.of("a")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 2 class names");
    }

    @Test
    void multiclass_probabilityOutOfRange_isRefusedWithRowAndClass() {
        assertThatThrownBy(
                        () ->
                                Evaluations.multiclass(
                                        new int[] {0}, new double[][] {{1.5, -0.5, 0.0}}, ABC))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("probabilities[0][0] is 1.5");
    }

    @Test
    void regression_infiniteTarget_isRefusedWithRow() {
        assertThatThrownBy(
                        () ->
                                Evaluations.regression(
                                        new double[] {1, Double.POSITIVE_INFINITY},
                                        new double[] {1, 2}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("targets[1] is Infinity");
    }

    @Test
    void regression_nanPrediction_isRefusedWithRow() {
        assertThatThrownBy(
                        () -> Evaluations.regression(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("predictions[0] is NaN");
    }

    @Test
    void regression_lengthsDiffer_isRefused() {
        assertThatThrownBy(() -> Evaluations.regression(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("targets has 2 rows but predictions has 1");
    }
}
