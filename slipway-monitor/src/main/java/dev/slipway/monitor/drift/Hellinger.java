package dev.slipway.monitor.drift;

/**
 * Evidently's Hellinger distance, sqrt(1 - Σ √(r·c)) clipped to [0, 1]. Categorical columns compare
 * the shares of each value; numeric columns compare histogram densities over Sturges bins of the
 * distinct values (not the rows, as Evidently bins them), times the mean bin width.
 */
final class Hellinger {

    private Hellinger() {}

    static double distance(ColumnCounts c) {
        double overlap = 0;
        switch (c) {
            case CategoricalCounts cat -> {
                for (int i = 0; i < cat.size(); i++) {
                    overlap +=
                            Math.sqrt(
                                    (cat.refCount(i) / (double) cat.nRef())
                                            * (cat.curCount(i) / (double) cat.nCur()));
                }
            }
            case NumericCounts num -> {
                double[] edges =
                        Bins.sturgesEdges(
                                num.value(0),
                                num.value(num.size() - 1),
                                num.size(),
                                num.integral());
                double[] ref = density(Bins.histogram(num, num.refCounts(), edges), edges);
                double[] cur = density(Bins.histogram(num, num.curCounts(), edges), edges);
                double width = (edges[edges.length - 1] - edges[0]) / (edges.length - 1);
                for (int i = 0; i < ref.length; i++) {
                    overlap += Math.sqrt(ref[i] * cur[i]) * width;
                }
            }
        }
        return Math.sqrt(1 - Math.min(1.0, Math.max(0.0, overlap)));
    }

    /** NumPy's {@code density=True}: count / bin width / total count. */
    private static double[] density(double[] counts, double[] edges) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / (edges[i + 1] - edges[i]) / total;
        }
        return out;
    }
}
