package dev.slipway.serve.core;

/** What the core reports as it works: the metrics implement this. Methods must be fast. */
public interface CoreListener {

    /** One call to a model answered {@code rows} rows from {@code requests} requests. */
    default void batch(String model, int version, int requests, int rows, long inferNanos) {}

    /** A version was loaded and warmed in {@code millis} and now answers. */
    default void loaded(String model, int version, long millis) {}

    /** A load failed; the previous version, if any, keeps answering. */
    default void loadFailed(String model, String ref, String reason) {}

    /** A listener that ignores everything. */
    static CoreListener none() {
        return new CoreListener() {};
    }
}
