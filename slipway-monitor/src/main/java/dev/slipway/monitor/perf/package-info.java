/**
 * Realized performance from delayed labels: {@link dev.slipway.monitor.perf.LabelStore} keeps the
 * true labels that arrive after the predictions, keyed by request id or by a column of the data;
 * {@link dev.slipway.monitor.perf.RealizedPerformance} joins them to the predictions and computes
 * the task's metrics per window with the training layer's {@link
 * dev.slipway.train.metrics.Evaluations}, beside the metrics recorded at training ({@link
 * dev.slipway.monitor.perf.ModelBaseline}).
 */
package dev.slipway.monitor.perf;
