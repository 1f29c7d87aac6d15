/**
 * The training layer: turns a dataset version into a registered, evaluated and reproducible model
 * through a feature pipeline and XGBoost, and records every training as a run.
 */
package dev.slipway.train;
