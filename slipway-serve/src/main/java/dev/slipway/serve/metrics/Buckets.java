package dev.slipway.serve.metrics;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A histogram read from a meter at one instant: cumulative counts at fixed upper bounds, the count
 * and the sum of all values. Two readings of the same meter subtract to the histogram of what was
 * recorded between them. Immutable (the arrays are never changed after construction).
 *
 * @param bounds the buckets' upper bounds, ascending (milliseconds for timers, rows for batches)
 * @param cumulative how many values were at most each bound
 * @param count how many values in all, including those above the last bound
 * @param sum the sum of all values
 */
record Buckets(double[] bounds, long[] cumulative, long count, double sum) {

    static final Buckets EMPTY = new Buckets(new double[0], new long[0], 0, 0);

    /** A timer's or summary's snapshot; {@code unit} converts timer values (null for summaries). */
    static Buckets of(HistogramSnapshot s, TimeUnit unit) {
        CountAtBucket[] counts = s.histogramCounts();
        double[] bounds = new double[counts.length];
        long[] cumulative = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            bounds[i] = unit == null ? counts[i].bucket() : counts[i].bucket(unit);
            cumulative[i] = Math.round(counts[i].count());
        }
        return new Buckets(bounds, cumulative, s.count(), unit == null ? s.total() : s.total(unit));
    }

    /** The two histograms added; the bounds must agree unless one side is empty. */
    Buckets plus(Buckets o) {
        if (o.bounds.length == 0 && o.count == 0) {
            return this;
        }
        if (bounds.length == 0 && count == 0) {
            return o;
        }
        long[] c = cumulative.clone();
        if (Arrays.equals(bounds, o.bounds)) {
            for (int i = 0; i < c.length; i++) {
                c[i] += o.cumulative[i];
            }
        }
        return new Buckets(bounds, c, count + o.count, sum + o.sum);
    }

    /** What was recorded after {@code earlier}, a reading of the same meters. */
    Buckets minus(Buckets earlier) {
        if (earlier.count == 0 && earlier.sum == 0) {
            return this;
        }
        long[] c = cumulative.clone();
        if (Arrays.equals(bounds, earlier.bounds)) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.max(0, c[i] - earlier.cumulative[i]);
            }
        }
        return new Buckets(bounds, c, Math.max(0, count - earlier.count), sum - earlier.sum);
    }

    /** The mean value; empty when nothing was recorded. */
    OptionalDouble mean() {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
    }

    /**
     * The {@code q} quantile estimated as Prometheus's {@code histogram_quantile} does: found in
     * its bucket and interpolated linearly between the bucket's bounds. A quantile above the last
     * bound is the last bound. Empty when nothing was recorded.
     */
    OptionalDouble quantile(double q) {
        if (count == 0 || bounds.length == 0) {
            return OptionalDouble.empty();
        }
        double rank = q * count;
        long below = 0;
        double lower = 0;
        for (int i = 0; i < bounds.length; i++) {
            long upTo = cumulative[i];
            if (upTo >= rank && upTo > below) {
                double within = (rank - below) / (upTo - below);
                return OptionalDouble.of(lower + (bounds[i] - lower) * within);
            }
            below = upTo;
            lower = bounds[i];
        }
        return OptionalDouble.of(bounds[bounds.length - 1]);
    }

    /**
     * How many values fell in each bucket (not cumulative), the last entry above the last bound.
     */
    long[] perBucket() {
        long[] out = new long[bounds.length + 1];
        long below = 0;
        for (int i = 0; i < bounds.length; i++) {
            out[i] = cumulative[i] - below;
            below = cumulative[i];
        }
        out[bounds.length] = Math.max(0, count - below);
        return out;
    }
}
