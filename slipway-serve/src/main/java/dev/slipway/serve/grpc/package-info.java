/**
 * The Open Inference Protocol over gRPC: the service {@code inference.GRPCInferenceService} on top
 * of the inference core's {@link dev.slipway.serve.core.Gateway}. {@link
 * dev.slipway.serve.grpc.GrpcTransport} starts and stops it.
 */
package dev.slipway.serve.grpc;
