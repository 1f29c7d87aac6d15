package dev.slipway.monitor.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, shares and times for people, the same in every locale. Stateless. */
final class Fmt {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {}

    /**
     * A number, never in a locale's digits: 32561 as {@code 32,561}; 27185.34 as {@code 27,185.3};
     * 0.123456 as {@code 0.1235}; 0.0000154 as {@code 1.54e-05}; NaN as {@code n/a}.
     */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        if (a >= 1e-4) {
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A share as a percentage: 0.2143 as {@code 21.4%}. */
    static String pct(double share) {
        if (!Double.isFinite(share)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A signed change: {@code +0.0123}, {@code -0.04}. */
    static String signed(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return (v >= 0 ? "+" : "−") + num(Math.abs(v));
    }

    /** An instant to the minute, in UTC: {@code 2024-05-01 00:00}. */
    static String time(Instant t) {
        return MINUTE.format(t);
    }

    /** {@code count} and the noun, plural when count is not 1: "1 notification", "3 rows". */
    static String count(long count, String noun) {
        return num(count) + " " + noun + (count == 1 ? "" : "s");
    }
}
