package dev.slipway.data;

import java.util.List;

/**
 * Counts of values in equal-width bins, with NumPy's {@code histogram} semantics: bin {@code i}
 * holds the values {@code v} with {@code edges[i] <= v < edges[i + 1]}, except the last bin, which
 * also holds {@code v == edges[last]}. A column whose values are all equal has one bin {@code [v,
 * v]}. Immutable.
 *
 * @param edges the bin edges, finite and non-decreasing, one more than the bins
 * @param counts how many values fell in each bin
 */
public record Histogram(List<Double> edges, List<Long> counts) {
    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (counts.isEmpty() || edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException(
                    "a histogram needs at least one bin and one more edge than bins, got %d edges and %d counts"
                            .formatted(edges.size(), counts.size()));
        }
        for (int i = 0; i < edges.size(); i++) {
            double e = edges.get(i);
            if (!Double.isFinite(e) || (i > 0 && e < edges.get(i - 1))) {
                throw new IllegalArgumentException(
                        "histogram edges must be finite and non-decreasing, got " + edges);
            }
        }
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("histogram counts must be >= 0, got " + counts);
            }
        }
    }

    /** The number of values counted, the sum of {@link #counts()}. */
    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
