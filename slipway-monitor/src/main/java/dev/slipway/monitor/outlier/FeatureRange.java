package dev.slipway.monitor.outlier;

import java.util.OptionalDouble;

/**
 * What the reference allows for one feature: a numeric range between two of its quantiles, or for a
 * categorical feature the categories it has.
 *
 * @param feature the column
 * @param numeric whether it is scored by range (else by category)
 * @param low the lower bound of a numeric feature (empty when the reference has no value)
 * @param high the upper bound of a numeric feature (empty when the reference has no value)
 * @param categories the number of distinct categories of a categorical feature in the reference
 */
public record FeatureRange(
        String feature,
        boolean numeric,
        OptionalDouble low,
        OptionalDouble high,
        long categories) {}
