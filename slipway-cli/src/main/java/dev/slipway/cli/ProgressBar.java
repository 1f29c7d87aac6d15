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
        if (terminal) {
            long now = System.nanoTime();
            if (!stageChanged && now - lastDraw < REDRAW_NANOS && f < 1.0) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(f * 30);
            err.printf(
                    Locale.ROOT,
                    "\r  %-10s [%s%s] %3.0f%%",
                    stage,
                    "#".repeat(filled),
                    " ".repeat(30 - filled),
                    f * 100);
            drawn = true;
        } else {
            int quarter = total > 0 ? (int) (f * 4) : 0;
            if (stageChanged) {
                lastQuarter = -1;
            }
            if (quarter != lastQuarter) {
                lastQuarter = quarter;
                err.printf(Locale.ROOT, "  %s %3.0f%%%n", stage, f * 100);
            }
        }
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(52) + "\r");
            err.flush();
        }
    }
}
