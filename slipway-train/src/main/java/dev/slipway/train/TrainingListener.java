package dev.slipway.train;

/** Receives the progress and warnings of a training or tuning; called on the working thread. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE =
            new TrainingListener() {
                @Override
                public void progress(String stage, long done, long total) {}

                @Override
                public void warning(String message) {}
            };

    /**
     * Reports that {@code done} of {@code total} units of {@code stage} are done ({@code total} 0
     * when unknown): {@code reading}, {@code training} (rounds), {@code tuning} (folds of all
     * trials), {@code evaluating}, {@code registering}.
     */
    void progress(String stage, long done, long total);

    /** Something the user should know, e.g. a column left out of the features. */
    void warning(String message);
}
