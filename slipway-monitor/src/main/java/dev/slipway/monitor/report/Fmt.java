package dev.slipway.monitor.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, shares and times for people, the same in every locale. Stateless. */
final class Fmt {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {}

    /** A number: 32561 as {@code 32,561}; 0.123456 as {@code 0.1235}; NaN as {@code n/a}. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
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
}
