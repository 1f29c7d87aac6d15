package dev.slipway.formats.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which numbers LightGBM reads back without aborting, and their values. */
class TokensTest {

    private static boolean number(String token) {
        return Tokens.isNumber(token, 0, token.length());
    }

    @Test
    void isNumber_whatLightGbmWrites_true() {
        assertThat(number("-0.0013846942763137806")).isTrue();
        assertThat(number("1e-05")).isTrue();
        assertThat(number("3.1500000000000004")).isTrue();
        assertThat(number("0")).isTrue();
        assertThat(number("inf")).isTrue();
        assertThat(number("-inf")).isTrue();
        assertThat(number("nan")).isTrue();
    }

    @Test
    void isNumber_largestAndSmallestNormalDoubles_true() {
        assertThat(number("1.7976931348623157e308")).isTrue();
        assertThat(number("2.2250738585072014e-308")).isTrue();
        assertThat(number("99999e-312")).isTrue();
        assertThat(number("0e999")).isTrue();
    }

    @Test
    void isNumber_beyondDoubleRange_false() {
        assertThat(number("1.8e308")).isFalse();
        assertThat(number("0.08887356617e395876")).isFalse();
        assertThat(number("1e-400")).isFalse();
    }

    @Test
    void isNumber_subnormal_false() {
        assertThat(number("4.9e-324")).isFalse();
        assertThat(number("1e-308")).isFalse();
        assertThat(number("12345e-312")).isFalse();
        assertThat(number("0.000123e-305")).isFalse();
    }

    @Test
    void isNumber_malformed_false() {
        assertThat(number("1.2.3")).isFalse();
        assertThat(number("1e")).isFalse();
        assertThat(number(".")).isFalse();
        assertThat(number("-")).isFalse();
        assertThat(number("=.1")).isFalse();
        assertThat(number("0x1p3")).isFalse();
        assertThat(number("")).isFalse();
    }

    @Test
    void numberValue_decimalsAndWords_parsed() {
        assertThat(Tokens.number("-1e-05")).contains(-1e-05);
        assertThat(Tokens.number("-inf")).contains(Double.NEGATIVE_INFINITY);
        assertThat(Tokens.number("NaN").orElseThrow()).isNaN();
    }

    @Test
    void integer_inAndOutOfRange() {
        assertThat(Tokens.integer("-3", -3, 3)).contains(-3L);
        assertThat(Tokens.integer("+5", 0, 9)).contains(5L);
        assertThat(Tokens.integer("4", 0, 3)).isEmpty();
        assertThat(Tokens.integer("5.0", 0, 9)).isEmpty();
        assertThat(Tokens.integer("99999999999999999999", 0, Long.MAX_VALUE)).isEmpty();
        assertThat(Tokens.integer("", 0, 9)).isEmpty();
    }
}
