package dev.slipway.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.monitor.drift.CategoricalCounts;
import dev.slipway.monitor.drift.NumericCounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts per distinct value into the bins of a chart. */
class BinningTest {

    @Test
    void of_fewNumbers_oneBinPerValue() {
        ColumnDistribution d =
                Binning.of(NumericCounts.of("x", new double[] {1, 2, 2, 3.5}, new double[] {2, 7}));

        assertThat(d.bins())
                .containsExactly(
                        new ColumnDistribution.Bin("1", 1, 0),
                        new ColumnDistribution.Bin("2", 2, 1),
                        new ColumnDistribution.Bin("3.5", 1, 0),
                        new ColumnDistribution.Bin("7", 0, 1));
        assertThat(d.nRef()).isEqualTo(4);
        assertThat(d.nCur()).isEqualTo(2);
    }

    @Test
    void of_manyIntegers_binsOfWholeWidthsThatKeepEveryValue() {
        long[] ref = new long[73];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = 17 + i; // 17..89
        }
        ColumnDistribution d =
                Binning.of(NumericCounts.ofIntegers("age", ref, new long[] {90, 90}));

        // 74 values from 17 to 90: bins 4 wide (ceil(74 / 20)), 19 of them
        assertThat(d.bins()).hasSize(19);
        assertThat(d.bins().getFirst()).isEqualTo(new ColumnDistribution.Bin("17–20", 4, 0));
        assertThat(d.bins().getLast()).isEqualTo(new ColumnDistribution.Bin("89–90", 1, 2));
        assertThat(d.bins().stream().mapToLong(ColumnDistribution.Bin::reference).sum())
                .isEqualTo(73);
        assertThat(d.bins().stream().mapToLong(ColumnDistribution.Bin::current).sum()).isEqualTo(2);
    }

    @Test
    void of_manyReals_twentyEqualBinsTheLastClosed() {
        double[] ref = new double[101];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i / 100.0;
        }
        ColumnDistribution d = Binning.of(NumericCounts.of("p", ref, new double[] {0.999, 1.0}));

        assertThat(d.bins()).hasSize(20);
        assertThat(d.bins().getFirst().label()).isEqualTo("[0, 0.05)");
        assertThat(d.bins().getLast().label()).isEqualTo("[0.95, 1]");
        assertThat(d.bins().getLast().current()).isEqualTo(2);
        assertThat(d.bins().stream().mapToLong(ColumnDistribution.Bin::reference).sum())
                .isEqualTo(101);
    }

    @Test
    void of_manyCategories_mostFrequentFirstTheRestTogetherANewOneShown() {
        List<String> ref = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k <= i; k++) {
                ref.add("c" + i);
            }
        }
        for (int k = 0; k < 30; k++) {
            cur.add("brand-new");
        }
        cur.add("c0");
        ColumnDistribution d = Binning.of(CategoricalCounts.of("city", ref, cur));

        assertThat(d.bins()).hasSize(12);
        assertThat(d.bins().getFirst()).isEqualTo(new ColumnDistribution.Bin("brand-new", 0, 30));
        assertThat(d.bins().get(1).label()).isEqualTo("c19");
        assertThat(d.bins().getLast().label()).isEqualTo("10 other values");
        assertThat(d.bins().stream().mapToLong(ColumnDistribution.Bin::reference).sum())
                .isEqualTo(ref.size());
        assertThat(d.bins().stream().mapToLong(ColumnDistribution.Bin::current).sum())
                .isEqualTo(cur.size());
    }
}
