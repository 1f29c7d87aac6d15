package dev.slipway.serve.grpc;

import com.google.protobuf.ByteString;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.serve.core.Inference;
import inference.GrpcPredictV2.InferTensorContents;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferResponse;
import inference.GrpcPredictV2.ModelInferResponse.InferOutputTensor;
import inference.GrpcPredictV2.ModelMetadataResponse.TensorMetadata;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns an {@link Inference} into a {@code ModelInferResponse}, and signatures into metadata. */
final class TensorEncoder {

    private TensorEncoder() {}

    /**
     * The outputs the request asks for, in its order, or empty for all of them; refused when it
     * names one that {@code signature} does not return.
     */
    static List<String> requested(ModelInferRequest request, String model, Signature signature) {
        Set<String> names = new LinkedHashSet<>();
        for (ModelInferRequest.InferRequestedOutputTensor o : request.getOutputsList()) {
            if (signature.findOutput(o.getName()).isEmpty()) {
                throw InvalidInputException.of(
                        o.getName(),
                        "model %s has no output '%s'; ask for some of %s, or for none to get them all"
                                .formatted(
                                        model,
                                        o.getName(),
                                        signature.outputs().stream()
                                                .map(ColumnSpec::name)
                                                .collect(Collectors.joining(", "))));
            }
            names.add(o.getName());
        }
        return List.copyOf(names);
    }

    /**
     * The response to a request with id {@code id}: the {@code wanted} outputs (all when empty), in
     * raw contents when {@code raw}, else in typed contents.
     */
    static ModelInferResponse response(
            Inference r, ModelInferRequest request, String id, boolean raw) {
        String model = r.model() + "/" + r.version();
        List<String> wanted = requested(request, model, r.signature());
        List<Column> columns =
                wanted.isEmpty()
                        ? r.outputs().columns()
                        : wanted.stream().map(n -> r.outputs().column(n)).toList();
        ModelInferResponse.Builder out =
                ModelInferResponse.newBuilder()
                        .setModelName(r.model())
                        .setModelVersion(Integer.toString(r.version()))
                        .setId(id);
        for (Column c : columns) {
            InferOutputTensor.Builder t =
                    InferOutputTensor.newBuilder()
                            .setName(c.name())
                            .setDatatype(c.dtype().protocolName())
                            .addShape(c.rows());
            if (c.width() > 1) {
                t.addShape(c.width());
            }
            if (raw) {
                out.addRawOutputContents(RawTensors.write(c));
            } else {
                t.setContents(contents(c));
            }
            out.addOutputs(t);
        }
        return out.build();
    }

    private static InferTensorContents contents(Column c) {
        int n = c.rows() * c.width();
        InferTensorContents.Builder b = InferTensorContents.newBuilder();
        switch (c) {
            case BoolColumn x -> {
                for (int i = 0; i < n; i++) {
                    b.addBoolContents(x.values()[i]);
                }
            }
            case LongColumn x -> {
                for (int i = 0; i < n; i++) {
                    b.addInt64Contents(x.values()[i]);
                }
            }
            case FloatColumn x -> {
                for (int i = 0; i < n; i++) {
                    b.addFp32Contents(x.values()[i]);
                }
            }
            case DoubleColumn x -> {
                for (int i = 0; i < n; i++) {
                    b.addFp64Contents(x.values()[i]);
                }
            }
            case StringColumn x -> {
                for (int i = 0; i < n; i++) {
                    b.addBytesContents(ByteString.copyFromUtf8(x.values()[i]));
                }
            }
        }
        return b.build();
    }

    /** The metadata of one input or output: {@code [-1]} for a column, {@code [-1, width]} else. */
    static TensorMetadata metadata(ColumnSpec spec) {
        TensorMetadata.Builder t =
                TensorMetadata.newBuilder()
                        .setName(spec.name())
                        .setDatatype(spec.dtype().protocolName())
                        .addShape(-1);
        if (spec.width() > 1) {
            t.addShape(spec.width());
        }
        return t.build();
    }
}
