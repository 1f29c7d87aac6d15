/**
 * The running server's alert schedule: every {@link dev.slipway.serve.monitor.AlertOptions#every()}
 * it observes each served model's last {@link dev.slipway.serve.monitor.AlertOptions#window()} of
 * prediction log, with the error rate the server counted itself ({@link
 * dev.slipway.serve.monitor.RequestCounts}), and checks the alert rules on it ({@link
 * dev.slipway.serve.monitor.AlertSchedule}).
 */
package dev.slipway.serve.monitor;
