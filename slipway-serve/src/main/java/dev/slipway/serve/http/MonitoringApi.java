package dev.slipway.serve.http;

import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.alert.AlertHistory;
import java.util.Objects;

/**
 * What the monitoring routes under {@code /api/v1/models/{m}} read and write: drift, performance,
 * outliers, data quality and latency of the prediction log, the labels, and the alert history.
 *
 * <p>Immutable; both parts are thread-safe.
 *
 * @param monitor computes the reports and stores labels
 * @param alerts the alert notifications recorded in the metadata store
 */
public record MonitoringApi(Monitor monitor, AlertHistory alerts) {

    public MonitoringApi {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(alerts, "alerts");
    }
}
