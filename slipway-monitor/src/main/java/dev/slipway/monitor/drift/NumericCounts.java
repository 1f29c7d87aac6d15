package dev.slipway.monitor.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric column as sorted distinct finite values, each with its reference and current count.
 * Immutable.
 *
 * <p>{@link #integral()} records whether both sides were integer-typed: NumPy's Sturges binning,
 * which Evidently uses, never makes bins narrower than 1 for integer data.
 */
public final class NumericCounts implements ColumnCounts {

    private final String column;
    private final double[] values;
    private final long[] ref;
    private final long[] cur;
    private final long nRef;
    private final long nCur;
    private final boolean integral;

    private NumericCounts(
            String column, double[] values, long[] ref, long[] cur, boolean integral) {
        this.column = Objects.requireNonNull(column, "column");
        this.values = values;
        this.ref = ref;
        this.cur = cur;
        this.nRef = Counts.total(column, "reference", ref);
        this.nCur = Counts.total(column, "current", cur);
        this.integral = integral;
    }

    /**
     * Counts the values of two samples; NaN and infinities are missing values and not counted,
     * {@code -0.0} counts as {@code 0.0}.
     */
    public static NumericCounts of(String column, double[] reference, double[] current) {
        double[] r = finiteSorted(reference);
        double[] c = finiteSorted(current);
        int n = 0;
        double[] values = new double[r.length + c.length];
        long[] rc = new long[values.length];
        long[] cc = new long[values.length];
        int i = 0;
        int j = 0;
        while (i < r.length || j < c.length) {
            double v = j == c.length || (i < r.length && r[i] <= c[j]) ? r[i] : c[j];
            values[n] = v;
            while (i < r.length && r[i] == v) {
                rc[n]++;
                i++;
            }
            while (j < c.length && c[j] == v) {
                cc[n]++;
                j++;
            }
            n++;
        }
        return new NumericCounts(
                column,
                Arrays.copyOf(values, n),
                Arrays.copyOf(rc, n),
                Arrays.copyOf(cc, n),
                false);
    }

    /** Counts the values of two integer samples ({@link #integral()} is true). */
    public static NumericCounts ofIntegers(String column, long[] reference, long[] current) {
        NumericCounts d =
                of(
                        column,
                        Arrays.stream(reference).asDoubleStream().toArray(),
                        Arrays.stream(current).asDoubleStream().toArray());
        return new NumericCounts(column, d.values, d.ref, d.cur, true);
    }

    /**
     * Counts already made, e.g. by a database.
     *
     * @param values distinct finite values in increasing order
     * @param refCounts reference rows per value, each {@code >= 0}
     * @param curCounts current rows per value, each {@code >= 0}; each value has a row on at least
     *     one side
     * @param integral whether both samples were integer-typed
     */
    public static NumericCounts ofCounts(
            String column, double[] values, long[] refCounts, long[] curCounts, boolean integral) {
        Counts.checkShape(column, values.length, refCounts, curCounts);
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(
                        "column '%s': value #%d is %s; leave missing values out"
                                .formatted(column, i, v[i]));
            }
            v[i] += 0.0; // -0.0 becomes 0.0
            if (i > 0 && !(v[i - 1] < v[i])) {
                throw new IllegalArgumentException(
                        "column '%s': values must be distinct and increasing, got %s then %s"
                                .formatted(column, v[i - 1], v[i]));
            }
        }
        return new NumericCounts(column, v, refCounts.clone(), curCounts.clone(), integral);
    }

    private static double[] finiteSorted(double[] sample) {
        double[] out = new double[sample.length];
        int n = 0;
        for (double x : sample) {
            if (Double.isFinite(x)) {
                out[n++] = x + 0.0; // -0.0 becomes 0.0
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The {@code i}-th distinct value (0-based, increasing). */
    public double value(int i) {
        return values[i];
    }

    @Override
    public long refCount(int i) {
        return ref[i];
    }

    @Override
    public long curCount(int i) {
        return cur[i];
    }

    @Override
    public long nRef() {
        return nRef;
    }

    @Override
    public long nCur() {
        return nCur;
    }

    /** Whether both samples were integer-typed (affects Sturges binning as in NumPy). */
    public boolean integral() {
        return integral;
    }

    double[] values() {
        return values;
    }

    long[] refCounts() {
        return ref;
    }

    long[] curCounts() {
        return cur;
    }

    @Override
    public String toString() {
        return "NumericCounts[%s: %d values, n_ref %d, n_cur %d]"
                .formatted(column, values.length, nRef, nCur);
    }
}
