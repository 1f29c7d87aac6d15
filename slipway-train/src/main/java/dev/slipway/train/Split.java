package dev.slipway.train;

import java.util.Arrays;

/**
 * A seeded hold-out split of row positions: each row gets a key mixed from the seed and its
 * position, and the rows with the smallest keys are held out. The same row count, fraction and seed
 * always give the same rows, on any machine.
 */
final class Split {

    private Split() {}

    /** The held-out row positions, ascending: round(rows x fraction) of them, at least 1. */
    static int[] heldOut(int rows, double fraction, long seed) {
        int count = (int) Math.max(1, Math.min(rows - 1L, Math.round(rows * fraction)));
        long[] keyed = new long[rows];
        for (int r = 0; r < rows; r++) {
            keyed[r] = key(seed, r);
        }
        long[] sorted = keyed.clone();
        Arrays.sort(sorted);
        long cut = sorted[count - 1];
        int[] out = new int[count];
        int n = 0;
        // Keys equal to the cut (64-bit ties, practically never) go by row position.
        for (int r = 0; r < rows && n < count; r++) {
            if (keyed[r] <= cut) {
                out[n++] = r;
            }
        }
        return n == count ? out : Arrays.copyOf(out, n);
    }

    /** The row positions not in {@code heldOut} (which is ascending). */
    static int[] rest(int rows, int[] heldOut) {
        int[] out = new int[rows - heldOut.length];
        int h = 0;
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (h < heldOut.length && heldOut[h] == r) {
                h++;
            } else {
                out[n++] = r;
            }
        }
        return out;
    }

    /** The shuffle key of row {@code r} under {@code seed}. */
    static long key(long seed, int r) {
        return mix(seed ^ mix(r + 0x9E3779B97F4A7C15L));
    }

    /** Stafford's variant 13 of the SplitMix64 finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
