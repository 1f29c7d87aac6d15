package dev.slipway.monitor.alert;

import dev.slipway.api.InvalidInputException;
import dev.slipway.store.MetadataStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert notifications recorded in a metadata store, with their webhook deliveries; what {@code
 * slipway monitor alerts} shows. Needs no rules file.
 *
 * <p>Thread-safe.
 */
public final class AlertHistory {

    /** The most notifications one query returns. */
    public static final int MAX_LIMIT = 10_000;

    private final MetadataStore store;

    /** The history in {@code store}, which must be migrated to schema 5 or newer. */
    public AlertHistory(MetadataStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Notifications, newest first.
     *
     * @param model only this model's; empty for every model's
     * @param since only those made at or after this instant; empty for all
     * @param limit at most this many, 1 to {@value #MAX_LIMIT}
     * @throws InvalidInputException when {@code limit} is out of range
     */
    public List<AlertRecord> query(Optional<String> model, Optional<Instant> since, int limit) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(since, "since");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of(
                    "--limit",
                    "the number of alerts to show must be between 1 and %d, not %d"
                            .formatted(MAX_LIMIT, limit));
        }
        return store.read(
                "reading the alert history" + model.map(m -> " of model " + m).orElse(""),
                c -> AlertRows.query(c, model, since, limit));
    }
}
