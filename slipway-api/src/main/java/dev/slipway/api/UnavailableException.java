package dev.slipway.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A service cannot answer now but may later: a model is still loading, a queue is full, a request
 * waited too long. Carries how long a caller should wait before retrying.
 */
public final class UnavailableException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message what is unavailable and why
     * @param retryAfter how long to wait before trying again
     */
    public UnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long a caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
