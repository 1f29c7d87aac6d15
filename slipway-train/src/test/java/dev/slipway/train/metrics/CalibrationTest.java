package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reliability bins. Reference: the {@code calibration_curve} docstring, whose three-bin example
 * prints {@code prob_true} [0, 0.5, 1] and {@code prob_pred} [0.2, 0.525, 0.85] (numpy's 8-digit
 * print). Edge cases follow from {@code np.linspace} and {@code np.searchsorted}, which the
 * function uses.
 */
class CalibrationTest {

    @Test
    void uniform_docstringExample_matchesPrintedArrays() {
        int[] y = {0, 0, 0, 0, 1, 1, 1, 1, 1};
        double[] p = {0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0};

        List<CalibrationBin> bins = Calibration.uniform(y, p, 3);

        assertThat(bins)
                .extracting(CalibrationBin::fractionPositive)
                .containsExactly(0.0, 0.5, 1.0);
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.2, within(5e-9));
        assertThat(bins.get(1).meanPredicted()).isCloseTo(0.525, within(5e-9));
        assertThat(bins.get(2).meanPredicted()).isCloseTo(0.85, within(5e-9));
        assertThat(bins).extracting(CalibrationBin::count).containsExactly(3L, 2L, 4L);
    }

    /**
     * {@code np.linspace(0, 1, 11)} holds 3 × 0.1 = 0.30000000000000004, so 0.3 is below that edge
     * and {@code searchsorted} (side "left") puts it in the bin (0.2, 0.30000000000000004]; 0.2 is
     * equal to its edge and goes to the bin below it.
     */
    @Test
    void uniform_probabilityOnAnEdge_goesToTheBinBelow() {
        List<CalibrationBin> bins =
                Calibration.uniform(new int[] {1, 0}, new double[] {0.3, 0.2}, 10);

        assertThat(bins).extracting(CalibrationBin::lower).containsExactly(0.1, 0.2);
        assertThat(bins)
                .extracting(CalibrationBin::upper)
                .containsExactly(0.2, 0.30000000000000004);
        assertThat(bins).extracting(CalibrationBin::fractionPositive).containsExactly(0.0, 1.0);
    }

    @Test
    void uniform_zeroAndOne_goToTheFirstAndLastBins() {
        List<CalibrationBin> bins =
                Calibration.uniform(new int[] {0, 1}, new double[] {0.0, 1.0}, 10);

        assertThat(bins).extracting(CalibrationBin::lower).containsExactly(0.0, 0.9);
        assertThat(bins).extracting(CalibrationBin::upper).containsExactly(0.1, 1.0);
    }

    @Test
    void uniform_emptyBins_areLeftOut() {
        List<CalibrationBin> bins =
                Calibration.uniform(new int[] {0, 1, 1}, new double[] {0.55, 0.56, 0.57}, 10);

        assertThat(bins).hasSize(1);
        assertThat(bins.get(0).count()).isEqualTo(3);
        assertThat(bins.get(0).fractionPositive()).isEqualTo(2.0 / 3);
    }

    @Test
    void binary_calibration_hasTenUniformBins() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 1, 1}, new double[] {0.05, 0.95, 0.55}, List.of("a", "b"));

        assertThat(e.calibration())
                .extracting(CalibrationBin::lower)
                .containsExactly(0.0, 0.5, 0.9);
        assertThat(e.calibration())
                .extracting(CalibrationBin::meanPredicted)
                .containsExactly(0.05, 0.55, 0.95);
    }
}
