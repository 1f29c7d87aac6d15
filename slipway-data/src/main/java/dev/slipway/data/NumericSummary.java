package dev.slipway.data;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Statistics of a numeric or integer column, over its finite values only: NaN, Infinity and
 * -Infinity are counted in {@link #nonFinite()} and left out of every other statistic (and of the
 * column's histogram), so one stray NaN does not turn the mean into NaN. Immutable.
 *
 * @param min the smallest finite value; NaN when there is none
 * @param max the largest finite value; NaN when there is none
 * @param mean the mean of the finite values; NaN when there is none
 * @param std the sample standard deviation (divisor n - 1, as pandas' {@code std()} and DuckDB's
 *     {@code stddev_samp}); NaN when there are fewer than two finite values
 * @param quantiles the exact quantiles at {@code p} = 0.01, 0.05, 0.25, 0.5, 0.75, 0.95 and 0.99 in
 *     that order; empty when there is no finite value
 * @param nonFinite how many values were NaN, Infinity or -Infinity
 */
public record NumericSummary(
        double min, double max, double mean, double std, List<Quantile> quantiles, long nonFinite) {
    public NumericSummary {
        quantiles = List.copyOf(quantiles);
        if (min > max) {
            throw new IllegalArgumentException(
                    "a numeric summary's min " + min + " is above its max " + max);
        }
        if (nonFinite < 0) {
            throw new IllegalArgumentException("nonFinite must be >= 0, got " + nonFinite);
        }
        for (int i = 1; i < quantiles.size(); i++) {
            if (quantiles.get(i).p() <= quantiles.get(i - 1).p()) {
                throw new IllegalArgumentException(
                        "quantiles must be in increasing order of p, got " + quantiles);
            }
        }
    }

    /** The quantile at probability {@code p}, when it was computed. */
    public OptionalDouble quantile(double p) {
        return quantiles.stream().filter(q -> q.p() == p).mapToDouble(Quantile::value).findFirst();
    }
}
