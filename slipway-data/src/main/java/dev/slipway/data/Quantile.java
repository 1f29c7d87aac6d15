package dev.slipway.data;

/**
 * The value below which a fraction {@code p} of a column's finite values lie, interpolated linearly
 * between the two nearest values (NumPy's default method, DuckDB's {@code quantile_cont}).
 * Immutable.
 *
 * @param p the probability, in [0, 1]
 * @param value the quantile
 */
public record Quantile(double p, double value) {
    public Quantile {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile's p must be in [0, 1], got " + p);
        }
    }
}
