/**
 * The data a monitor looks at, as DuckDB relations: a model's prediction log over a time range
 * ({@link dev.slipway.monitor.log.PredictionLogs}), or a plain file of timestamped predictions
 * ({@link dev.slipway.monitor.log.PredictionFiles}), both read into a {@link
 * dev.slipway.monitor.log.PredictionTable} that drift, performance and report code query through a
 * {@link dev.slipway.monitor.log.MonitorSession}.
 */
package dev.slipway.monitor.log;
