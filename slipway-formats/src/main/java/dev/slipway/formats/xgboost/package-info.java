/**
 * XGBoost tree models, read from any of the files XGBoost saves (JSON, UBJSON, the legacy binary
 * format) and evaluated in plain Java.
 *
 * <p>{@link dev.slipway.formats.xgboost.XGBoostFormat} is the entry point. Predictions match
 * XGBoost's own: splits compare in float32 and margins are summed in float32, tree by tree.
 */
package dev.slipway.formats.xgboost;
