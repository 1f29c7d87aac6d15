package dev.slipway.monitor.alert;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where and how alert notifications are POSTed as JSON: the URL, extra headers, and the retry
 * policy. An attempt that fails with a network error, a timeout, HTTP 408, 429 or a 5xx status is
 * tried again after {@code baseDelay}, then twice that, four times that and so on, up to {@code
 * attempts} tries in all; any other status is final.
 *
 * <p>Immutable. {@link #toString()} and {@link #describe()} show only the scheme, host and port:
 * webhook URLs and headers often hold secrets.
 *
 * @param url an absolute {@code http} or {@code https} URL
 * @param headers extra request headers, e.g. {@code Authorization}; sorted by name
 * @param attempts how many times to try in all, 1 to 20
 * @param baseDelay the wait before the second attempt, doubled before each later one; 0 to 1 hour
 * @param timeout how long one attempt may wait for the response; positive, at most 10 minutes
 */
public record Webhook(
        URI url, Map<String, String> headers, int attempts, Duration baseDelay, Duration timeout) {

    /** Attempts in all, unless the rules file says otherwise. */
    public static final int DEFAULT_ATTEMPTS = 5;

    /** The wait before the second attempt, unless the rules file says otherwise. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);

    /** The time one attempt may take, unless the rules file says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static final int MAX_ATTEMPTS = 20;
    static final Duration MAX_BASE_DELAY = Duration.ofHours(1);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final Duration MAX_DELAY = Duration.ofHours(1);

    /**
     * @throws IllegalArgumentException when a value is out of its range
     */
    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(headers, "headers")
                .forEach(
                        (name, value) -> {
                            Objects.requireNonNull(name, "header name");
                            Objects.requireNonNull(value, "value of header " + name);
                        });
        headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute()
                || !(scheme.equals("http") || scheme.equals("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "a webhook URL must be an absolute http or https URL with a host, e.g. https://hooks.example.org/slipway");
        }
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException(
                    "webhook attempts must be between 1 and %d, not %d"
                            .formatted(MAX_ATTEMPTS, attempts));
        }
        if (baseDelay.isNegative() || baseDelay.compareTo(MAX_BASE_DELAY) > 0) {
            throw new IllegalArgumentException(
                    "the webhook base delay must be between 0 and %s, not %s"
                            .formatted(MAX_BASE_DELAY, baseDelay));
        }
        if (!timeout.isPositive() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "the webhook timeout must be positive and at most %s, not %s"
                            .formatted(MAX_TIMEOUT, timeout));
        }
    }

    /** A webhook with the default retry policy and no extra headers. */
    public static Webhook of(URI url) {
        return new Webhook(url, Map.of(), DEFAULT_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_TIMEOUT);
    }

    /**
     * The wait before attempt {@code attempt} (2 or more): {@code baseDelay * 2^(attempt-2)}, at
     * most an hour.
     */
    Duration delayBefore(int attempt) {
        Duration delay = baseDelay.multipliedBy(1L << Math.min(attempt - 2, 30));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The longest one notification can take, all attempts and waits included. */
    Duration worstCase() {
        Duration total = timeout.multipliedBy(attempts);
        for (int a = 2; a <= attempts; a++) {
            total = total.plus(delayBefore(a));
        }
        return total;
    }

    /** The URL without path, query or user info, e.g. {@code https://hooks.example.org}. */
    public String describe() {
        return url.getScheme()
                + "://"
                + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "Webhook[%s, %d header(s), attempts=%d, baseDelay=%s, timeout=%s]"
                .formatted(describe(), headers.size(), attempts, baseDelay, timeout);
    }
}
