package dev.slipway.monitor.alert;

import java.util.Objects;

/**
 * An alert notification as the history keeps it, with how its webhook delivery went.
 *
 * <p>Immutable.
 *
 * @param event the notification
 * @param delivery its webhook delivery
 */
public record AlertRecord(AlertEvent event, Delivery delivery) {

    public AlertRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(delivery, "delivery");
    }
}
