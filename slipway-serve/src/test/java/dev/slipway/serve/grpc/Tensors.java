package dev.slipway.serve.grpc;

import com.google.protobuf.ByteString;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import inference.GrpcPredictV2.InferTensorContents;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferRequest.InferInputTensor;
import inference.GrpcPredictV2.ModelInferResponse;
import inference.GrpcPredictV2.ModelInferResponse.InferOutputTensor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds requests from frames and reads responses, the way an OIP client does. */
final class Tensors {

    private Tensors() {}

    /** One input per column, values in typed contents. */
    static ModelInferRequest.Builder typed(String model, Frame frame) {
        ModelInferRequest.Builder r = ModelInferRequest.newBuilder().setModelName(model);
        for (Column c : frame.columns()) {
            r.addInputs(input(c).setContents(contents(c)));
        }
        return r;
    }

    /** One input per column, values in raw contents (little-endian, length-prefixed strings). */
    static ModelInferRequest.Builder raw(String model, Frame frame) {
        ModelInferRequest.Builder r = ModelInferRequest.newBuilder().setModelName(model);
        for (Column c : frame.columns()) {
            r.addInputs(input(c));
            r.addRawInputContents(rawBytes(c));
        }
        return r;
    }

    static InferInputTensor.Builder input(Column c) {
        InferInputTensor.Builder t =
                InferInputTensor.newBuilder()
                        .setName(c.name())
                        .setDatatype(c.dtype().protocolName())
                        .addShape(c.rows());
        if (c.width() > 1) {
            t.addShape(c.width());
        }
        return t;
    }

    static InferTensorContents contents(Column c) {
        InferTensorContents.Builder b = InferTensorContents.newBuilder();
        switch (c) {
            case DoubleColumn d -> {
                for (double v : d.values()) {
                    b.addFp64Contents(v);
                }
            }
            case FloatColumn f -> {
                for (float v : f.values()) {
                    b.addFp32Contents(v);
                }
            }
            case LongColumn l -> {
                for (long v : l.values()) {
                    b.addInt64Contents(v);
                }
            }
            case BoolColumn x -> {
                for (boolean v : x.values()) {
                    b.addBoolContents(v);
                }
            }
            case StringColumn s -> {
                for (String v : s.values()) {
                    b.addBytesContents(ByteString.copyFromUtf8(v));
                }
            }
        }
        return b.build();
    }

    static ByteString rawBytes(Column c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (c) {
            case DoubleColumn d -> {
                for (double v : d.values()) {
                    out.writeBytes(le(8).putDouble(v).array());
                }
            }
            case FloatColumn f -> {
                for (float v : f.values()) {
                    out.writeBytes(le(4).putFloat(v).array());
                }
            }
            case LongColumn l -> {
                for (long v : l.values()) {
                    out.writeBytes(le(8).putLong(v).array());
                }
            }
            case BoolColumn x -> {
                for (boolean v : x.values()) {
                    out.write(v ? 1 : 0);
                }
            }
            case StringColumn s -> {
                for (String v : s.values()) {
                    byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(le(4).putInt(bytes.length).array());
                    out.writeBytes(bytes);
                }
            }
        }
        return ByteString.copyFrom(out.toByteArray());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The output named {@code name}. */
    static InferOutputTensor output(ModelInferResponse r, String name) {
        return r.getOutputsList().stream()
                .filter(o -> o.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no output " + name + " in " + r));
    }

    /** The strings of a BYTES output, from typed or raw contents. */
    static String[] strings(ModelInferResponse r, String name) {
        int index = r.getOutputsList().indexOf(output(r, name));
        if (r.getRawOutputContentsCount() > 0) {
            ByteBuffer b =
                    r.getRawOutputContents(index)
                            .asReadOnlyByteBuffer()
                            .order(ByteOrder.LITTLE_ENDIAN);
            java.util.List<String> out = new java.util.ArrayList<>();
            while (b.hasRemaining()) {
                byte[] bytes = new byte[b.getInt()];
                b.get(bytes);
                out.add(new String(bytes, StandardCharsets.UTF_8));
            }
            return out.toArray(String[]::new);
        }
        return output(r, name).getContents().getBytesContentsList().stream()
                .map(ByteString::toStringUtf8)
                .toArray(String[]::new);
    }

    /** The numbers of a numeric output as doubles, from typed or raw contents. */
    static double[] numbers(ModelInferResponse r, String name) {
        InferOutputTensor o = output(r, name);
        int index = r.getOutputsList().indexOf(o);
        if (r.getRawOutputContentsCount() > 0) {
            ByteBuffer b =
                    r.getRawOutputContents(index)
                            .asReadOnlyByteBuffer()
                            .order(ByteOrder.LITTLE_ENDIAN);
            return switch (o.getDatatype()) {
                case "FP64" -> {
                    double[] v = new double[b.remaining() / 8];
                    b.asDoubleBuffer().get(v);
                    yield v;
                }
                case "FP32" -> {
                    double[] v = new double[b.remaining() / 4];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = b.getFloat();
                    }
                    yield v;
                }
                case "INT64" -> {
                    double[] v = new double[b.remaining() / 8];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = b.getLong();
                    }
                    yield v;
                }
                default -> throw new AssertionError("not numeric: " + o.getDatatype());
            };
        }
        InferTensorContents c = o.getContents();
        return switch (o.getDatatype()) {
            case "FP64" ->
                    c.getFp64ContentsList().stream().mapToDouble(Double::doubleValue).toArray();
            case "FP32" ->
                    c.getFp32ContentsList().stream().mapToDouble(Float::doubleValue).toArray();
            case "INT64" ->
                    c.getInt64ContentsList().stream().mapToDouble(Long::doubleValue).toArray();
            default -> throw new AssertionError("not numeric: " + o.getDatatype());
        };
    }

    /** The values of a numeric column as doubles. */
    static double[] numbers(Column c) {
        return switch (c) {
            case DoubleColumn d -> d.values().clone();
            case FloatColumn f -> {
                double[] v = new double[f.values().length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = f.values()[i];
                }
                yield v;
            }
            case LongColumn l -> java.util.Arrays.stream(l.values()).asDoubleStream().toArray();
            case BoolColumn b -> throw new AssertionError("bool column " + b.name());
            case StringColumn s -> throw new AssertionError("string column " + s.name());
        };
    }
}
