/**
 * LightGBM text models, evaluated by LightGBM itself through lightgbm4j: {@link
 * dev.slipway.formats.lightgbm.LightGbmFormat} is the entry point.
 */
package dev.slipway.formats.lightgbm;
