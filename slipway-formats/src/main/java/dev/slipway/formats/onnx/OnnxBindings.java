package dev.slipway.formats.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Signature;
import dev.slipway.formats.onnx.ModelProtoReader.ModelGraph;
import dev.slipway.formats.onnx.ModelProtoReader.ZipMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs and outputs of an ONNX model as Slipway sees them, read from a session's input and
 * output info and, for {@code ZipMap} outputs, the model's graph.
 */
record OnnxBindings(List<OnnxInput> inputs, List<OnnxOutput> outputs) {

    OnnxBindings {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The signature the predictor reports. */
    Signature signature() {
        return new Signature(
                inputs.stream().map(OnnxInput::spec).toList(),
                outputs.stream().map(OnnxOutput::spec).toList());
    }

    /**
     * Reads the bindings of a loaded model.
     *
     * @param graph the model's graph as read from its bytes, when it has one; outputs the session
     *     has beyond the graph's own were added by {@link ProbabilityOutputs} and are not shown
     * @throws InvalidInputException when an input or output has a type or shape Slipway does not
     *     exchange, or the feature names do not fit the model
     */
    static OnnxBindings read(
            OrtSession session, Optional<ModelGraph> graph, String source, LoadOptions options)
            throws OrtException {
        Map<String, NodeInfo> inputInfo = session.getInputInfo();
        List<String> featureNames = options.featureNames();
        if (!featureNames.isEmpty() && inputInfo.size() != 1) {
            throw InvalidInputException.of(
                    source,
                    "%d feature names were given for ONNX model '%s', but it takes %d inputs %s; feature names apply to a model with one 2-D input, so leave them out"
                            .formatted(
                                    featureNames.size(),
                                    source,
                                    inputInfo.size(),
                                    inputInfo.keySet()));
        }
        List<OnnxInput> inputs = new ArrayList<>();
        for (NodeInfo node : inputInfo.values()) {
            inputs.add(input(node, source, featureNames));
        }
        Map<String, ZipMap> zipMaps = new HashMap<>();
        graph.ifPresent(g -> g.zipMaps().forEach(z -> zipMaps.put(z.output(), z)));
        List<OnnxOutput> outputs = new ArrayList<>();
        for (NodeInfo node : session.getOutputInfo().values()) {
            String name = node.getName();
            if (graph.isPresent() && !graph.get().outputs().contains(name)) {
                continue;
            }
            ZipMap zipMap = zipMaps.get(name);
            outputs.add(zipMap != null ? classProbabilities(zipMap) : output(node, source));
        }
        return new OnnxBindings(inputs, outputs);
    }

    private static OnnxInput input(NodeInfo node, String source, List<String> featureNames) {
        String name = node.getName();
        TensorInfo tensor = tensorInfo(node, source, "input");
        ElementType type = elementType(tensor, name, source, "input");
        long[] shape = tensor.getShape();
        int width = width(shape, name, source, "input", featureNames.size());
        if (!featureNames.isEmpty() && featureNames.size() != width) {
            throw InvalidInputException.of(
                    source,
                    "%d feature names were given for ONNX model '%s', but its input '%s' has %d features per row; give %d names or none"
                            .formatted(featureNames.size(), source, name, width, width));
        }
        ColumnSpec spec = new ColumnSpec(name, type.dtype(), width, featureNames);
        return new OnnxInput(spec, type, shape.length);
    }

    private static OnnxOutput output(NodeInfo node, String source) {
        String name = node.getName();
        if (node.getInfo() instanceof SequenceInfo sequence && sequence.isSequenceOfMaps()) {
            throw unsupported(
                    source,
                    name,
                    "output",
                    "a sequence of maps not made by a ZipMap node with class labels",
                    "class probabilities from a ZipMap node (skl2onnx), or a tensor (convert with zipmap=False)");
        }
        TensorInfo tensor = tensorInfo(node, source, "output");
        ElementType type = elementType(tensor, name, source, "output");
        int width = width(tensor.getShape(), name, source, "output", 0);
        return new OnnxOutput(new ColumnSpec(name, type.dtype(), width, List.of()), type, name);
    }

    /** A ZipMap output, read from the probability tensor the ZipMap reads. */
    private static OnnxOutput classProbabilities(ZipMap zipMap) {
        List<String> labels = zipMap.keys().stream().map(String::valueOf).toList();
        ColumnSpec spec = new ColumnSpec(zipMap.output(), DType.FP32, labels.size(), labels);
        return new OnnxOutput(spec, ElementType.FLOAT, zipMap.probabilities());
    }

    private static TensorInfo tensorInfo(NodeInfo node, String source, String kind) {
        ValueInfo info = node.getInfo();
        if (info instanceof TensorInfo tensor) {
            return tensor;
        }
        throw unsupported(source, node.getName(), kind, info.toString(), "tensors");
    }

    private static ElementType elementType(
            TensorInfo tensor, String name, String source, String kind) {
        return ElementType.of(tensor.onnxType)
                .orElseThrow(
                        () ->
                                unsupported(
                                        source,
                                        name,
                                        kind,
                                        "a tensor of " + tensor.onnxType,
                                        "tensors of float, double, int64, int32, bool or string"));
    }

    /**
     * The number of values per row of a {@code [N]} or {@code [N, k]} tensor; an unknown {@code k}
     * of the only input is taken from the number of feature names, when given.
     */
    private static int width(long[] shape, String name, String source, String kind, int names) {
        if (shape.length == 1) {
            return 1;
        }
        if (shape.length == 2 && shape[1] > 0 && shape[1] <= Integer.MAX_VALUE) {
            return (int) shape[1];
        }
        if (shape.length == 2 && shape[1] < 0 && names > 0) {
            return names;
        }
        String fix =
                shape.length == 2
                        ? "a fixed number of values per row; export the model with a fixed second dimension"
                                + (kind.equals("input") ? " or give its feature names" : "")
                        : "shape [N] or [N, k]; reshape to a 2-D tensor before export";
        throw unsupported(source, name, kind, "a tensor of shape " + Arrays.toString(shape), fix);
    }

    private static InvalidInputException unsupported(
            String source, String name, String kind, String found, String supported) {
        return InvalidInputException.of(
                source,
                "ONNX model '%s' has %s '%s' of %s, which Slipway does not support; it supports %s"
                        .formatted(source, kind, name, found, supported));
    }
}
