package dev.slipway.monitor.outlier;

import dev.slipway.api.InvalidInputException;

/**
 * How rows are scored as outliers.
 *
 * @param lowerQuantile a number below this quantile of the reference is outside (default 0.01)
 * @param upperQuantile a number above this quantile of the reference is outside (default 0.99)
 * @param top how many of the highest-scoring rows to list (default 20)
 */
public record OutlierOptions(double lowerQuantile, double upperQuantile, int top) {

    public OutlierOptions {
        if (!(lowerQuantile >= 0 && lowerQuantile < upperQuantile && upperQuantile <= 1)) {
            throw InvalidInputException.of(
                    "quantiles",
                    "the outlier range [%s, %s] is not a pair of quantiles 0 <= low < high <= 1; e.g. 0.01 and 0.99"
                            .formatted(lowerQuantile, upperQuantile));
        }
        if (top < 0) {
            throw InvalidInputException.of(
                    "top", "cannot list %d outlier rows; give 0 or more".formatted(top));
        }
    }

    /** The 1% and 99% quantiles of the reference, and the top 20 rows. */
    public static OutlierOptions defaults() {
        return new OutlierOptions(0.01, 0.99, 20);
    }

    /** These options listing {@code n} rows. */
    public OutlierOptions withTop(int n) {
        return new OutlierOptions(lowerQuantile, upperQuantile, n);
    }
}
