/**
 * Drift statistics: whether a column's values moved between a reference and a current sample, with
 * Evidently's default tests, thresholds and numbers.
 *
 * <p>Counts come first: {@link dev.slipway.monitor.drift.NumericCounts} and {@link
 * dev.slipway.monitor.drift.CategoricalCounts} hold each distinct value's reference and current
 * count, built from Java arrays or by {@link dev.slipway.monitor.drift.DuckDbDrift} from two DuckDB
 * relations. {@link dev.slipway.monitor.drift.Drift} turns counts into a {@link
 * dev.slipway.monitor.drift.ColumnDrift} per column and a {@link
 * dev.slipway.monitor.drift.DatasetDrift}, with the method and threshold that {@link
 * dev.slipway.monitor.drift.DriftOptions} resolve for each column.
 */
package dev.slipway.monitor.drift;
