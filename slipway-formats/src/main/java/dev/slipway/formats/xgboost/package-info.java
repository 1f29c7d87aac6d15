/**
 * XGBoost tree ensembles read from XGBoost's JSON model format and evaluated in plain Java.
 *
 * <p>{@link dev.slipway.formats.xgboost.XGBoostModel} is the entry point. Predictions match
 * XGBoost's own: splits compare in float32 and margins are summed in float32, tree by tree.
 */
package dev.slipway.formats.xgboost;
