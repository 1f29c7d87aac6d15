package dev.slipway.monitor.drift;

/**
 * The shares of reference and current rows per bin that PSI, KL and Jensen–Shannon compare, binned
 * as Evidently's {@code get_binned_data} does, and NumPy's Sturges histogram edges it relies on.
 */
final class Bins {

    /** Numeric columns with more reference distinct values than this are binned by Sturges. */
    static final int MAX_VALUES_UNBINNED = 20;

    private Bins() {}

    /**
     * @param ref share of reference rows per bin
     * @param cur share of current rows per bin
     */
    record Shares(double[] ref, double[] cur) {}

    /**
     * Shares per bin: numeric columns with more than 20 distinct reference values use equal-width
     * Sturges bins over the range of both samples; otherwise each distinct value is a bin.
     *
     * @param fillZeros whether empty bins get a small share (PSI, KL) or stay 0 (Jensen–Shannon)
     */
    static Shares shares(ColumnCounts c, boolean fillZeros) {
        double[] ref;
        double[] cur;
        if (c instanceof NumericCounts n && distinctReference(c) > MAX_VALUES_UNBINNED) {
            long total = c.nRef() + c.nCur();
            double[] edges = sturgesEdges(n.value(0), n.value(n.size() - 1), total, n.integral());
            ref = histogram(n, n.refCounts(), edges);
            cur = histogram(n, n.curCounts(), edges);
        } else {
            ref = new double[c.size()];
            cur = new double[c.size()];
            for (int i = 0; i < c.size(); i++) {
                ref[i] = c.refCount(i);
                cur[i] = c.curCount(i);
            }
        }
        divide(ref, c.nRef());
        divide(cur, c.nCur());
        if (fillZeros) {
            fillZeros(ref);
            fillZeros(cur);
        }
        return new Shares(ref, cur);
    }

    static int distinctReference(ColumnCounts c) {
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.refCount(i) > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * NumPy's {@code histogram_bin_edges(data, bins="sturges")} for data of {@code size} values
     * between {@code min} and {@code max}: width = range / (log2(size) + 1), at least 1 for integer
     * data, ceil(range / width) bins, edges by {@code linspace}; an empty range becomes [min - 0.5,
     * max + 0.5] in one bin.
     */
    static double[] sturgesEdges(double min, double max, long size, boolean integral) {
        double first = min;
        double last = max;
        if (first == last) {
            return new double[] {first - 0.5, last + 0.5};
        }
        double range = last - first;
        double width = range / (log2(size) + 1.0);
        if (integral && width < 1) {
            width = 1;
        }
        int bins = (int) Math.ceil(range / width);
        double step = range / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + first;
        }
        edges[bins] = last;
        return edges;
    }

    /** log2 that is exact for powers of two, as NumPy's is. */
    static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2);
    }

    /**
     * Counts per bin with NumPy's rule: bin k holds edges[k] ≤ x < edges[k+1], the last bin also
     * holds its right edge. Values outside the edges are not counted.
     */
    static double[] histogram(NumericCounts c, long[] counts, double[] edges) {
        int bins = edges.length - 1;
        double[] out = new double[bins];
        for (int i = 0; i < c.size(); i++) {
            double x = c.value(i);
            if (counts[i] == 0 || x < edges[0] || x > edges[bins]) {
                continue;
            }
            out[Math.min(bins - 1, upperBound(edges, x) - 1)] += counts[i];
        }
        return out;
    }

    /** The number of edges ≤ x. */
    private static int upperBound(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void divide(double[] a, long n) {
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
    }

    /**
     * Evidently's fill: empty bins get 0.0001, or a millionth of the smallest non-zero share when
     * that is at most 0.0001; the shares are not renormalised.
     */
    static void fillZeros(double[] shares) {
        double min = Double.POSITIVE_INFINITY;
        for (double s : shares) {
            if (s != 0 && s < min) {
                min = s;
            }
        }
        double fill = min <= 0.0001 ? min / 1e6 : 0.0001;
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] == 0) {
                shares[i] = fill;
            }
        }
    }
}
