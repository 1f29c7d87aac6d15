package dev.slipway.monitor.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the webhook delivery of an alert notification went.
 *
 * <p>Immutable.
 *
 * @param status none, pending, delivered or failed
 * @param attempts how many attempts were made
 * @param detail what happened in words, e.g. {@code HTTP 204 from https://hooks.example.org on
 *     attempt 3}; never the URL's path or the headers, which may hold secrets
 * @param finishedAt when it was delivered or given up; empty while pending and when there is no
 *     webhook
 */
public record Delivery(Status status, int attempts, String detail, Optional<Instant> finishedAt) {

    public Delivery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be 0 or more, not " + attempts);
        }
    }

    static Delivery none() {
        return new Delivery(Status.NONE, 0, "no webhook configured", Optional.empty());
    }

    static Delivery pending(Webhook webhook) {
        return new Delivery(
                Status.PENDING, 0, "to be sent to " + webhook.describe(), Optional.empty());
    }

    /** Where a webhook delivery stands. */
    public enum Status {
        /** The rule has no webhook; the notification went to the log only. */
        NONE,
        /** Being sent, or waiting to be retried. */
        PENDING,
        /** The receiver answered with a 2xx status. */
        DELIVERED,
        /** Given up: a final error status, or every attempt failed. */
        FAILED;

        /**
         * The name in the history: {@code none}, {@code pending}, {@code delivered}, {@code
         * failed}.
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
