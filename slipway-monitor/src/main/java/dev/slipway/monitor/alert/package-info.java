/**
 * Alert rules over a model's monitoring numbers, their evaluation, notifications and history.
 *
 * <p>{@link dev.slipway.monitor.alert.AlertRules} is the rules file (YAML or JSON, format version
 * 1); {@link dev.slipway.monitor.alert.AlertRules#evaluate} checks them against one window's {@link
 * dev.slipway.monitor.alert.Observations} without side effects; {@link
 * dev.slipway.monitor.alert.Alerts} does the same and also keeps each rule's state per model in the
 * metadata store, so that a rule notifies once when it starts firing, once per new window while it
 * keeps firing, and once when it resolves, through the log and an optional webhook. {@link
 * dev.slipway.monitor.alert.AlertHistory} reads back what was notified.
 */
package dev.slipway.monitor.alert;
