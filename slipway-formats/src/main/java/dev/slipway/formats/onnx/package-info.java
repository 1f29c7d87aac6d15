/**
 * ONNX models, evaluated by ONNX Runtime: {@link dev.slipway.formats.onnx.OnnxFormat} is the entry
 * point.
 */
package dev.slipway.formats.onnx;
