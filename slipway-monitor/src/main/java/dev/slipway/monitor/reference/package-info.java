/**
 * The reference's predictions when the reference is a model's training data: the training rows
 * scored by the model, kept under the home.
 */
package dev.slipway.monitor.reference;
