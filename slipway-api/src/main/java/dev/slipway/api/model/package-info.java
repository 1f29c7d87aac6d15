/**
 * Models as every layer sees them: the columnar {@link dev.slipway.api.model.Frame} that goes in
 * and out, the {@link dev.slipway.api.model.Predictor} that maps one to the other, the {@link
 * dev.slipway.api.model.ModelFormat} SPI that turns a model file into a predictor, and the values
 * stored with a model (signature, feature pipeline, references).
 */
package dev.slipway.api.model;
