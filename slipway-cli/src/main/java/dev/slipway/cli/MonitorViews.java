package dev.slipway.cli;

import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DatasetDrift;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How monitoring results read in a terminal. */
final class MonitorViews {

    private MonitorViews() {}

    /** A verdict as a word and a symbol, so it reads without colour: {@code ✗ drift}. */
    static String verdict(boolean drifted) {
        return drifted ? "✗ drift" : "✓ ok";
    }

    /** One row per column: name, kind, method, score, threshold, verdict and effect size. */
    static void columns(PrintWriter out, DatasetDrift d) {
        List<List<String>> rows = new ArrayList<>();
        for (ColumnDrift c : d.columns()) {
            rows.add(
                    List.of(
                            c.column(),
                            c.kind().label(),
                            c.method().label() + (c.method().isPValue() ? " (p-value)" : ""),
                            decimal(c.score()),
                            decimal(c.threshold()),
                            verdict(c.drifted()),
                            decimal(c.effectSize()) + " " + c.method().effectSizeName()));
        }
        Output.table(
                out,
                List.of("COLUMN", "KIND", "METHOD", "SCORE", "THRESHOLD", "VERDICT", "EFFECT SIZE"),
                rows);
    }

    /** The dataset verdict in a line: {@code ✗ DRIFT: 3 of 8 columns drifted (share 0.375 ...)}. */
    static String dataset(DatasetDrift d) {
        return "%s: %d of %s drifted (share %s; the data drifts at a share of %s or more)"
                .formatted(
                        d.drifted() ? "✗ DRIFT" : "✓ no drift",
                        d.driftedColumns(),
                        Output.count(d.columns().size(), "column"),
                        decimal(d.share()),
                        decimal(d.threshold()));
    }

    /** The names of the drifted columns, comma-separated, or "-". */
    static String drifted(DatasetDrift d) {
        List<String> names =
                d.columns().stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    /**
     * A score, threshold or share for people: at most 4 significant digits, no trailing zeros
     * ({@code 0.1}, {@code 0.08277}, {@code 1.124}, {@code 3.2E-7}); NaN as {@code -}.
     */
    static String decimal(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        return Math.abs(v) < 1e-4 ? d.toString() : d.toPlainString();
    }

    /** A count of rows for people: {@code 1 row}, {@code 2,000 rows}. */
    static String rows(long n) {
        return Output.num(n) + (n == 1 ? " row" : " rows");
    }

    /** An instant, shortened to its date when it is midnight UTC. */
    static String time(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? t.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : t.toString();
    }

    /** A window as {@code start .. end}, dates when at midnight. */
    static String window(AlertWindow w) {
        return time(w.start()) + " .. " + time(w.end());
    }
}
