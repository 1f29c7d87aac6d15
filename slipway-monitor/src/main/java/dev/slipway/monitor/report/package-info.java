/**
 * The monitoring report of a model: drift (overall and per window), realized performance, outliers,
 * data quality, latency and alert history over a range of its prediction log, gathered by {@link
 * dev.slipway.monitor.report.Reports#build} into a {@link
 * dev.slipway.monitor.report.MonitoringReport}, written as a versioned JSON document by {@link
 * dev.slipway.monitor.report.ReportJson} and as one self-contained HTML file by {@link
 * dev.slipway.monitor.report.ReportHtml}.
 */
package dev.slipway.monitor.report;
