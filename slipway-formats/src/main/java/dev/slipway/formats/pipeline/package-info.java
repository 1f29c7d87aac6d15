/**
 * The feature pipeline in front of a trained model: raw records with the training data's column
 * names and types in, class names and probabilities out.
 */
package dev.slipway.formats.pipeline;
