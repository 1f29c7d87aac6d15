package dev.slipway.monitor.drift;

/** Checks shared by the two kinds of {@link ColumnCounts}. */
final class Counts {

    private Counts() {}

    /** Sums {@code counts}, refusing negative entries and overflow. */
    static long total(String column, String side, long[] counts) {
        long sum = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException(
                        "column '%s': a %s count is negative (%d)".formatted(column, side, c));
            }
            sum = Math.addExact(sum, c);
        }
        return sum;
    }

    /** Refuses arrays of different lengths and values counted on neither side. */
    static void checkShape(String column, int values, long[] ref, long[] cur) {
        if (ref.length != values || cur.length != values) {
            throw new IllegalArgumentException(
                    "column '%s': %d values but %d reference and %d current counts"
                            .formatted(column, values, ref.length, cur.length));
        }
        for (int i = 0; i < values; i++) {
            if (ref[i] == 0 && cur[i] == 0) {
                throw new IllegalArgumentException(
                        "column '%s': value #%d has no rows on either side; leave it out"
                                .formatted(column, i));
            }
        }
    }
}
