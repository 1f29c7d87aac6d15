/**
 * Monitoring: how a deployed model's inputs, predictions and realized performance move over time.
 *
 * <p>{@code drift} holds the per-column statistics (the same default tests and numbers as
 * Evidently) and the dataset verdict; {@code perf} joins delayed labels to the prediction log and
 * computes realized metrics per window; {@code alert} evaluates rules and sends notifications;
 * {@code report} renders the numbers as JSON and a self-contained HTML page.
 */
package dev.slipway.monitor;
