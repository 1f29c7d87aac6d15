package dev.slipway.serve.core;

import java.util.Objects;

/**
 * One incoming request, as the transports describe it to the {@link Gateway}.
 *
 * @param requestId the id answered in {@code X-Request-Id} and written to the log
 * @param protocol how it arrived
 * @param startNanos {@link System#nanoTime()} when it arrived
 */
public record Call(String requestId, Protocol protocol, long startNanos) {

    public Call {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(protocol, "protocol");
    }
}
