package dev.slipway.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketsTest {

    // 10 values: 4 at most 1, 4 more at most 2, 2 more at most 5.
    private final Buckets later =
            new Buckets(new double[] {1, 2, 5}, new long[] {4, 8, 10}, 10, 22);

    @Test
    void quantile_insideABucket_interpolatesBetweenItsBounds() {
        assertThat(later.quantile(0.5).getAsDouble()).isEqualTo(1.25);
        assertThat(later.quantile(0.99).getAsDouble())
                .isCloseTo(4.85, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void quantile_aboveTheLastBound_isTheLastBound() {
        Buckets b = new Buckets(new double[] {1, 2}, new long[] {1, 1}, 4, 20);
        assertThat(b.quantile(0.99).getAsDouble()).isEqualTo(2);
    }

    @Test
    void minus_earlierReading_leavesWhatCameBetween() {
        Buckets earlier = new Buckets(new double[] {1, 2, 5}, new long[] {4, 4, 4}, 4, 2);

        Buckets between = later.minus(earlier);

        assertThat(between.count()).isEqualTo(6);
        assertThat(between.mean().getAsDouble()).isEqualTo(20.0 / 6);
        assertThat(between.perBucket()).containsExactly(0, 4, 2, 0);
        assertThat(between.quantile(0.5).getAsDouble()).isEqualTo(1.75);
    }

    @Test
    void quantile_nothingRecorded_isEmpty() {
        assertThat(later.minus(later).quantile(0.5)).isEmpty();
        assertThat(Buckets.EMPTY.mean()).isEmpty();
    }
}
