package dev.slipway.serve.core;

import dev.slipway.api.model.Signature;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the server knows of one model it serves: the reference it follows, the version answering
 * now, and the last load problem.
 *
 * @param name the name requests use
 * @param ref what it follows ({@code adult-income@champion}, {@code adult-income/3})
 * @param state whether it answers
 * @param version the version answering, when one is loaded
 * @param format the loaded version's model format (e.g. {@code xgboost}), or empty
 * @param signature the loaded version's signature, when one is loaded
 * @param loadedAt when the answering version was switched in
 * @param loadMillis how long that version took to load and warm up
 * @param lastError the last failed load, e.g. a new version that could not be loaded
 * @param queuedRows rows waiting now
 */
public record ServedModel(
        String name,
        String ref,
        State state,
        OptionalInt version,
        String format,
        Optional<Signature> signature,
        Optional<Instant> loadedAt,
        long loadMillis,
        Optional<String> lastError,
        int queuedRows) {

    /** Whether a served model answers. */
    public enum State {
        /** The first version is loading. */
        LOADING,
        /** A version answers requests. */
        READY,
        /** No version could be loaded. */
        FAILED
    }

    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
