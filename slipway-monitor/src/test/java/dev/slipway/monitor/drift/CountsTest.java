package dev.slipway.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building counts from samples and from counts made elsewhere. */
class CountsTest {

    @Test
    void numericOf_mergesBothSamplesIntoSortedDistinctValues() {
        NumericCounts c =
                NumericCounts.of(
                        "x",
                        new double[] {3, 1, 1, -0.0, Double.NaN},
                        new double[] {2, 0.0, 3, Double.NEGATIVE_INFINITY});

        assertThat(c.values()).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(Double.doubleToRawLongBits(c.value(0))).isEqualTo(0L); // not -0.0
        assertThat(c.refCounts()).containsExactly(1, 2, 0, 1);
        assertThat(c.curCounts()).containsExactly(1, 0, 1, 1);
        assertThat(c.nRef()).isEqualTo(4);
        assertThat(c.nCur()).isEqualTo(3);
        assertThat(c.integral()).isFalse();
    }

    @Test
    void numericOfIntegers_isIntegral() {
        NumericCounts c = NumericCounts.ofIntegers("x", new long[] {5, 5, 7}, new long[] {6});

        assertThat(c.values()).containsExactly(5.0, 6.0, 7.0);
        assertThat(c.integral()).isTrue();
    }

    @Test
    void numericOfCounts_valuesOutOfOrder_isRefused() {
        assertThatThrownBy(
                        () ->
                                NumericCounts.ofCounts(
                                        "x",
                                        new double[] {2, 1},
                                        new long[] {1, 1},
                                        new long[] {0, 0},
                                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x': values must be distinct and increasing, got 2.0 then 1.0");
    }

    @Test
    void numericOfCounts_valueWithoutRows_isRefused() {
        assertThatThrownBy(
                        () ->
                                NumericCounts.ofCounts(
                                        "x",
                                        new double[] {1, 2},
                                        new long[] {1, 0},
                                        new long[] {1, 0},
                                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x': value #1 has no rows on either side; leave it out");
    }

    @Test
    void numericOfCounts_infiniteValue_isRefused() {
        assertThatThrownBy(
                        () ->
                                NumericCounts.ofCounts(
                                        "x",
                                        new double[] {Double.POSITIVE_INFINITY},
                                        new long[] {1},
                                        new long[] {1},
                                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value #0 is Infinity");
    }

    @Test
    void categoricalOf_dropsNullsAndSortsByCodePoint() {
        CategoricalCounts c =
                CategoricalCounts.of(
                        "c",
                        Arrays.asList("b", null, "\uD83D\uDE00", "a"),
                        Arrays.asList("\uFF5E", "a", null));

        // U+FF5E sorts before U+1F600 by code point, though not by UTF-16 unit.
        assertThat(c.categories()).containsExactly("a", "b", "\uFF5E", "\uD83D\uDE00");
        assertThat(c.refCounts()).containsExactly(1, 1, 0, 1);
        assertThat(c.curCounts()).containsExactly(1, 0, 1, 0);
        assertThat(c.nRef()).isEqualTo(3);
    }

    @Test
    void categoricalOfCounts_duplicateLabel_isRefused() {
        assertThatThrownBy(
                        () ->
                                CategoricalCounts.ofCounts(
                                        "c",
                                        List.of("a", "a"),
                                        new long[] {1, 1},
                                        new long[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'c': category 'a' is given twice");
    }

    @Test
    void ofCounts_negativeCount_isRefused() {
        assertThatThrownBy(
                        () ->
                                CategoricalCounts.ofCounts(
                                        "c", List.of("a"), new long[] {-1}, new long[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'c': a reference count is negative (-1)");
    }
}
