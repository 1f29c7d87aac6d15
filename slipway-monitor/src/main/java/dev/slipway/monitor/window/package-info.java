/**
 * Time windows over monitored data: {@link dev.slipway.monitor.window.WindowSpec} parses {@code
 * 1h}, {@code 1d}, {@code 7d}, {@code 30m}, {@code 1mo}, {@code 10000rows}; {@link
 * dev.slipway.monitor.window.Windows} splits a relation into windows, each with a SQL condition
 * that selects its rows, so that any statistic can be computed per window.
 */
package dev.slipway.monitor.window;
