/**
 * Evaluation of a model on held-out rows: the scores of binary, multiclass and regression models,
 * computed in plain Java to scikit-learn's definitions, and their versioned JSON form.
 *
 * <p>Start at {@link dev.slipway.train.metrics.Evaluations}; the result is an {@link
 * dev.slipway.train.metrics.Evaluation}, stored with {@link
 * dev.slipway.train.metrics.EvaluationCodec}.
 */
package dev.slipway.train.metrics;
