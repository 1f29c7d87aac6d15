package dev.slipway.cli;

import dev.slipway.train.TrainingListener;
import java.io.PrintWriter;

/** Shows a training's progress on a bar and its warnings on stderr. */
final class TrainingProgress implements TrainingListener, AutoCloseable {

    private final ProgressBar bar;
    private final PrintWriter err;

    TrainingProgress(PrintWriter err) {
        this.err = err;
        this.bar = new ProgressBar(err);
    }

    @Override
    public void progress(String stage, long done, long total) {
        bar.update(stage, done, total);
    }

    @Override
    public void warning(String message) {
        bar.close();
        err.println("  warning: " + message);
        err.flush();
    }

    @Override
    public void close() {
        bar.close();
    }
}
