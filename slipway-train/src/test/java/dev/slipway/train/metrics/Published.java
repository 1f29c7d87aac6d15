package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

/**
 * Assertions against numbers as scikit-learn's documentation prints them: a doctest output such as
 * {@code 0.948...} (the value starts with those digits) or a rounded table cell such as {@code
 * 0.67} (the value rounds to it).
 */
final class Published {

    private Published() {}

    /** {@code actual} starts with the digits of {@code printed}, e.g. {@code "0.948..."}. */
    static void startsWith(double actual, String printed) {
        String digits =
                printed.endsWith("...") ? printed.substring(0, printed.length() - 3) : printed;
        BigDecimal low = new BigDecimal(digits).abs();
        BigDecimal high = low.add(BigDecimal.ONE.movePointLeft(low.scale()));
        BigDecimal value = new BigDecimal(actual).abs();
        assertThat(Math.signum(actual)).isEqualTo(digits.startsWith("-") ? -1.0 : 1.0);
        assertThat(value)
                .as("%s printed as %s", actual, printed)
                .isGreaterThanOrEqualTo(low)
                .isLessThan(high);
    }

    /** {@code actual} rounds to {@code printed} at its number of decimals, e.g. {@code "0.67"}. */
    static void roundsTo(double actual, String printed) {
        BigDecimal cell = new BigDecimal(printed);
        BigDecimal half = BigDecimal.ONE.movePointLeft(cell.scale()).divide(BigDecimal.TWO);
        assertThat(new BigDecimal(actual).subtract(cell).abs())
                .as("%s printed as %s", actual, printed)
                .isLessThanOrEqualTo(half);
    }

    /** numpy's {@code assert_almost_equal(actual, desired)} at its default 7 decimals. */
    static void almostEqual(double actual, double desired) {
        assertThat(Math.abs(actual - desired)).as("%s vs %s", actual, desired).isLessThan(1.5e-7);
    }
}
