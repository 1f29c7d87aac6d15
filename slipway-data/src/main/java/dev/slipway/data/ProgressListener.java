package dev.slipway.data;

/**
 * Receives progress of long work, e.g. an import of a large file. Called from the working thread;
 * implementations must be cheap.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (stage, done, total) -> {};

    /**
     * Reports that {@code done} of {@code total} units (bytes or rows) of {@code stage} are done.
     *
     * @param stage a short verb for the current step, e.g. {@code "checking"}, {@code "parsing"}
     * @param done units done so far
     * @param total units in all, or 0 when unknown
     */
    void update(String stage, long done, long total);
}
