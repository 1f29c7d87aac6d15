package dev.slipway.serve.grpc;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.core.Inference;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.serve.core.Protocol;
import dev.slipway.serve.core.ServedModel;
import inference.GRPCInferenceServiceGrpc;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferResponse;
import inference.GrpcPredictV2.ModelMetadataRequest;
import inference.GrpcPredictV2.ModelMetadataResponse;
import inference.GrpcPredictV2.ModelReadyRequest;
import inference.GrpcPredictV2.ModelReadyResponse;
import inference.GrpcPredictV2.ServerLiveRequest;
import inference.GrpcPredictV2.ServerLiveResponse;
import inference.GrpcPredictV2.ServerMetadataRequest;
import inference.GrpcPredictV2.ServerMetadataResponse;
import inference.GrpcPredictV2.ServerReadyRequest;
import inference.GrpcPredictV2.ServerReadyResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code inference.GRPCInferenceService} on top of a {@link Gateway}: decodes, calls, encodes.
 * Every failure leaves through {@link GrpcErrors}.
 */
final class InferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    private static final System.Logger LOG = System.getLogger("slipway.serve.grpc");

    /** The name answered in server metadata. */
    static final String SERVER_NAME = "slipway";

    /** The protocol extensions the server speaks. */
    static final List<String> EXTENSIONS = List.of("model_repository", "slipway_management");

    private final Gateway gateway;
    private final InferenceCore core;
    private final String serverVersion;
    private final AtomicBoolean running = new AtomicBoolean(true);

    /**
     * Answers on the calling thread, or on the core's worker that completes a queued request, and
     * names {@code serverVersion} in server metadata.
     */
    InferenceService(Gateway gateway, String serverVersion) {
        this.gateway = gateway;
        this.core = gateway.core();
        this.serverVersion = serverVersion;
    }

    /** Answers "not live" from now on: the server is stopping. */
    void stopping() {
        running.set(false);
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> out) {
        answer(out, () -> ServerLiveResponse.newBuilder().setLive(running.get()).build());
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> out) {
        answer(
                out,
                () ->
                        ServerReadyResponse.newBuilder()
                                .setReady(running.get() && core.ready())
                                .build());
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
        answer(
                out,
                () -> {
                    ServedModel m = served(request.getName(), request.getVersion());
                    return ModelReadyResponse.newBuilder()
                            .setReady(m.state() == ServedModel.State.READY)
                            .build();
                });
    }

    @Override
    public void serverMetadata(
            ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> out) {
        answer(
                out,
                () ->
                        ServerMetadataResponse.newBuilder()
                                .setName(SERVER_NAME)
                                .setVersion(serverVersion)
                                .addAllExtensions(EXTENSIONS)
                                .build());
    }

    @Override
    public void modelMetadata(
            ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> out) {
        answer(
                out,
                () -> {
                    ServedModel m = served(request.getName(), request.getVersion());
                    ModelMetadataResponse.Builder b =
                            ModelMetadataResponse.newBuilder()
                                    .setName(m.name())
                                    .setPlatform(m.format());
                    m.version().ifPresent(v -> b.addVersions(Integer.toString(v)));
                    Optional<Signature> s = m.signature();
                    for (ColumnSpec c : s.map(Signature::inputs).orElse(List.of())) {
                        b.addInputs(TensorEncoder.metadata(c));
                    }
                    for (ColumnSpec c : s.map(Signature::outputs).orElse(List.of())) {
                        b.addOutputs(TensorEncoder.metadata(c));
                    }
                    return b.build();
                });
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> out) {
        long start = System.nanoTime();
        RequestIds.Slot slot = RequestIds.current();
        String requestId =
                slot.sent()
                        .orElseGet(
                                () ->
                                        request.getId().isEmpty()
                                                ? gateway.newRequestId()
                                                : request.getId());
        slot.set(requestId);
        Call call = new Call(requestId, Protocol.OIP_GRPC, start);
        String model = request.getModelName();
        String id = request.getId().isEmpty() ? requestId : request.getId();
        boolean raw = request.getRawInputContentsCount() > 0;
        CompletableFuture<Inference> result;
        try {
            ServedModel served = core.model(name(model));
            OptionalInt version = version(request.getModelVersion());
            Optional<Signature> signature = served.signature();
            signature.ifPresent(s -> TensorEncoder.requested(request, model, s));
            Frame input = TensorDecoder.decode(request, signature);
            result = gateway.infer(call, model, version, input);
        } catch (RuntimeException e) {
            gateway.failed(call, model, e);
            fail(out, e);
            return;
        }
        if (result.isDone()) {
            respond(out, result, request, id, raw);
        } else {
            // Answered on the worker that completed it: gRPC serialises the call's events.
            result.whenComplete((r, e) -> respond(out, result, request, id, raw));
        }
    }

    private static void respond(
            StreamObserver<ModelInferResponse> out,
            CompletableFuture<Inference> result,
            ModelInferRequest request,
            String id,
            boolean raw) {
        answer(out, () -> TensorEncoder.response(result.join(), request, id, raw));
    }

    /** Sends what {@code body} makes, or the status of what it throws. */
    private static <T> void answer(StreamObserver<T> out, Supplier<T> body) {
        T response;
        try {
            response = body.get();
        } catch (RuntimeException e) {
            fail(out, e);
            return;
        }
        try {
            out.onNext(response);
            out.onCompleted();
        } catch (RuntimeException e) {
            // The client went away (cancelled or deadline passed): nobody to answer.
            LOG.log(System.Logger.Level.DEBUG, "could not answer a gRPC call", e);
        }
    }

    private static void fail(StreamObserver<?> out, Throwable error) {
        try {
            out.onError(GrpcErrors.status(error));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not answer a gRPC call", e);
        }
    }

    /** The model served as {@code name}, refused when {@code version} is given and not served. */
    private ServedModel served(String name, String version) {
        ServedModel m = core.model(name(name));
        OptionalInt v = version(version);
        if (v.isPresent() && !m.version().equals(v)) {
            throw otherVersion(m, v.getAsInt());
        }
        return m;
    }

    private static String name(String model) {
        if (model.isBlank()) {
            throw InvalidInputException.of(
                    "model_name",
                    "the request names no model; set model_name to one the server serves (ModelMetadata and the REST GET /v2/models list them)");
        }
        return model;
    }

    /** A requested version: empty for the one serving. */
    static OptionalInt version(String text) {
        String v = text.strip();
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInputException.of(
                "model_version",
                "model_version '%s' is not a version number; send a whole number such as 1, or leave it empty for the version serving now"
                        .formatted(text));
    }

    private static NotFoundException otherVersion(ServedModel m, int version) {
        String serving =
                m.version().isPresent()
                        ? "version %d is (send no version, or %d)"
                                .formatted(m.version().getAsInt(), m.version().getAsInt())
                        : "no version is loaded yet";
        return new NotFoundException(
                "model version",
                m.name() + "/" + version,
                "version %d of model %s is not served; %s".formatted(version, m.name(), serving));
    }
}
