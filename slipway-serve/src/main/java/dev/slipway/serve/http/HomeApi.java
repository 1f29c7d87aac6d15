package dev.slipway.serve.http;

import dev.slipway.data.Datasets;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.alert.AlertHistory;
import dev.slipway.train.Runs;
import java.util.Objects;

/**
 * What the routes that read the server's Slipway home use, besides the registry: the monitoring API
 * under {@code /api/v1/models/{m}/monitoring}, the runs under {@code /api/v1/runs} and the datasets
 * under {@code /api/v1/datasets}, which the web console shows.
 *
 * <p>Immutable; every part is thread-safe.
 *
 * @param monitor computes the monitoring reports and stores labels
 * @param alerts the alert notifications recorded in the metadata store
 * @param datasets the data layer's datasets: versions, schemas, profiles, rows
 * @param runs the training runs with their params and metrics
 */
public record HomeApi(Monitor monitor, AlertHistory alerts, Datasets datasets, Runs runs) {

    public HomeApi {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(datasets, "datasets");
        Objects.requireNonNull(runs, "runs");
    }
}
