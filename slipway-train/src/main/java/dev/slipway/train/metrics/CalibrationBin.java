package dev.slipway.train.metrics;

/**
 * One non-empty bin of a reliability diagram, as scikit-learn's {@code calibration_curve} with
 * {@code strategy="uniform"}: the rows whose predicted probability is in {@code (lower, upper]}
 * (the first bin also holds 0).
 *
 * @param lower the bin's lower edge
 * @param upper the bin's upper edge
 * @param meanPredicted the mean predicted probability of the bin's rows ({@code prob_pred})
 * @param fractionPositive the share of the bin's rows that are positive ({@code prob_true})
 * @param count the number of rows in the bin, at least 1
 */
public record CalibrationBin(
        double lower, double upper, double meanPredicted, double fractionPositive, long count) {

    public CalibrationBin {
        if (!(0 <= lower && lower < upper && upper <= 1)) {
            throw new IllegalArgumentException(
                    "a calibration bin needs 0 <= lower < upper <= 1, got (%s, %s]"
                            .formatted(lower, upper));
        }
        Scores.requireUnit("mean predicted probability", meanPredicted);
        Scores.requireUnit("fraction of positives", fractionPositive);
        if (count < 1) {
            throw new IllegalArgumentException(
                    "a calibration bin holds at least one row, got %d".formatted(count));
        }
    }
}
