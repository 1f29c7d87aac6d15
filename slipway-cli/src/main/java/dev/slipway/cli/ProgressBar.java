package dev.slipway.cli;

import dev.slipway.data.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long work. On a terminal it redraws in place; elsewhere
 * (logs, CI) it prints a line when a stage starts and every 25%.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private String stage = "";
    private long stageStart;
    private long lastDraw;
    private int lastQuarter = -1;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public synchronized void update(String newStage, long done, long total) {
        double f = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        boolean stageChanged = !newStage.equals(stage);
        stage = newStage;
        long now = System.nanoTime();
        if (stageChanged) {
            stageStart = now;
        }
        String eta = eta(now, done, total);
        if (terminal) {
            if (!stageChanged && now - lastDraw < REDRAW_NANOS && f < 1.0) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(f * 30);
            err.printf(
                    Locale.ROOT,
                    "\r  %-10s [%s%s] %3.0f%%%-14s",
                    stage,
                    "#".repeat(filled),
                    " ".repeat(30 - filled),
                    f * 100,
                    eta);
            drawn = true;
        } else {
            int quarter = total > 0 ? (int) (f * 4) : 0;
            if (stageChanged) {
                lastQuarter = -1;
            }
            if (quarter != lastQuarter) {
                lastQuarter = quarter;
                err.printf(Locale.ROOT, "  %s %3.0f%%%s%n", stage, f * 100, eta);
            }
        }
        err.flush();
    }

    /** The time left at the rate so far, once a little is done: {@code " ETA 1m05s"}. */
    private String eta(long now, long done, long total) {
        long elapsed = now - stageStart;
        if (total <= 0 || done <= 0 || done >= total || elapsed < 1_000_000_000L) {
            return "";
        }
        long left = (long) ((double) elapsed / done * (total - done) / 1e9);
        return left >= 60
                ? String.format(Locale.ROOT, "  ETA %dm%02ds", left / 60, left % 60)
                : String.format(Locale.ROOT, "  ETA %ds", left);
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(66) + "\r");
            err.flush();
        }
    }
}
