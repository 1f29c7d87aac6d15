package dev.slipway.serve.grpc;

import com.google.protobuf.ByteString;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import inference.GrpcPredictV2.InferTensorContents;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferRequest.InferInputTensor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns the inputs of a {@code ModelInferRequest} into a {@link Frame}: one input per column (shape
 * {@code [rows]} or {@code [rows, width]}), in typed {@code contents} or, for every input at once,
 * in {@code raw_input_contents}. A single 2-D numeric input is spread over the model's inputs when
 * the model takes that many width-1 numeric columns, or renamed to the model's single input of that
 * width. Types are kept as sent; the core checks them against the model.
 */
final class TensorDecoder {

    private TensorDecoder() {}

    /** The request's rows; {@code signature} (the served model's, when known) guides 2-D input. */
    static Frame decode(ModelInferRequest request, Optional<Signature> signature) {
        int inputs = request.getInputsCount();
        int raws = request.getRawInputContentsCount();
        if (inputs == 0) {
            throw InvalidInputException.of(
                    "inputs",
                    "the request has no inputs; send one input per column (shape [rows]) or one 2-D input (shape [rows, features])");
        }
        if (raws != 0 && raws != inputs) {
            throw InvalidInputException.of(
                    "raw_input_contents",
                    "the request has %d inputs but %d raw_input_contents; when raw contents are used, send one per input, in input order"
                            .formatted(inputs, raws));
        }
        List<Column> columns = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            InferInputTensor t = request.getInputs(i);
            Optional<ByteString> raw =
                    raws == 0 ? Optional.empty() : Optional.of(request.getRawInputContents(i));
            columns.add(column(t, raw));
        }
        return new Frame(columns.getFirst().rows(), fit(columns, signature));
    }

    private static Column column(InferInputTensor t, Optional<ByteString> raw) {
        String name = t.getName();
        if (name.isEmpty()) {
            throw InvalidInputException.of(
                    "inputs", "an input has no name; name each input after the model's column");
        }
        WireType type = WireType.of(name, t.getDatatype());
        Shape shape = Shape.of(name, t.getShapeList());
        if (raw.isPresent()) {
            if (count(t.getContents()) > 0) {
                throw InvalidInputException.of(
                        name,
                        "input '%s' has values in contents but the request uses raw_input_contents; when raw contents are used, every input must use them"
                                .formatted(name));
            }
            return RawTensors.read(name, type, shape, raw.get());
        }
        return typed(name, type, shape, t.getContents());
    }

    private static Column typed(String name, WireType type, Shape shape, InferTensorContents c) {
        int n = shape.elements();
        int w = shape.width();
        return switch (type) {
            case BOOL -> {
                expect(name, type, shape, "bool_contents", c.getBoolContentsCount(), c);
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.getBoolContents(i);
                }
                yield new BoolColumn(name, w, v, new BitSet());
            }
            case INT8, INT16, INT32 -> {
                expect(name, type, shape, "int_contents", c.getIntContentsCount(), c);
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.getIntContents(i);
                }
                yield new LongColumn(name, w, v, new BitSet());
            }
            case INT64 -> {
                expect(name, type, shape, "int64_contents", c.getInt64ContentsCount(), c);
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.getInt64Contents(i);
                }
                yield new LongColumn(name, w, v, new BitSet());
            }
            case UINT8, UINT16, UINT32 -> {
                expect(name, type, shape, "uint_contents", c.getUintContentsCount(), c);
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Integer.toUnsignedLong(c.getUintContents(i));
                }
                yield new LongColumn(name, w, v, new BitSet());
            }
            case UINT64 -> {
                expect(name, type, shape, "uint64_contents", c.getUint64ContentsCount(), c);
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = unsigned64(name, c.getUint64Contents(i));
                }
                yield new LongColumn(name, w, v, new BitSet());
            }
            case FP16, BF16 ->
                    throw InvalidInputException.of(
                            name,
                            "input '%s' is %s, which has no typed contents field; send it as FP32 in contents.fp32_contents, or as raw_input_contents"
                                    .formatted(name, type));
            case FP32 -> {
                expect(name, type, shape, "fp32_contents", c.getFp32ContentsCount(), c);
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.getFp32Contents(i);
                }
                yield new FloatColumn(name, w, v, new BitSet());
            }
            case FP64 -> {
                expect(name, type, shape, "fp64_contents", c.getFp64ContentsCount(), c);
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.getFp64Contents(i);
                }
                yield new DoubleColumn(name, w, v, new BitSet());
            }
            case BYTES -> {
                expect(name, type, shape, "bytes_contents", c.getBytesContentsCount(), c);
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = utf8(name, c.getBytesContents(i));
                }
                yield new StringColumn(name, w, v, new BitSet());
            }
        };
    }

    /** A UINT64 value, refused when it does not fit a signed 64-bit integer. */
    static long unsigned64(String name, long value) {
        if (value < 0) {
            throw InvalidInputException.of(
                    name,
                    "input '%s' holds %s, which is larger than the largest INT64; send smaller values"
                            .formatted(name, Long.toUnsignedString(value)));
        }
        return value;
    }

    /** {@code bytes} as text, refused when they are not UTF-8. */
    static String utf8(String name, ByteString bytes) {
        if (!bytes.isValidUtf8()) {
            throw InvalidInputException.of(
                    name,
                    "input '%s' holds bytes that are not UTF-8 text; BYTES inputs must be UTF-8 strings"
                            .formatted(name));
        }
        return bytes.toStringUtf8();
    }

    private static void expect(
            String name,
            WireType type,
            Shape shape,
            String field,
            int have,
            InferTensorContents contents) {
        if (have == shape.elements()) {
            return;
        }
        String hint =
                have == 0 && count(contents) > 0
                        ? "; a %s input reads its values from contents.%s".formatted(type, field)
                        : "; send as many values as the product of the shape";
        throw InvalidInputException.of(
                name,
                "input '%s' has %d values in contents.%s but shape %s needs %d%s"
                        .formatted(name, have, field, shape, shape.elements(), hint));
    }

    private static int count(InferTensorContents c) {
        return c.getBoolContentsCount()
                + c.getIntContentsCount()
                + c.getInt64ContentsCount()
                + c.getUintContentsCount()
                + c.getUint64ContentsCount()
                + c.getFp32ContentsCount()
                + c.getFp64ContentsCount()
                + c.getBytesContentsCount();
    }

    /**
     * Maps a single 2-D input that is not one of the model's inputs onto the model's inputs: to its
     * only input of that width, or spread over its width-1 numeric inputs, in order.
     */
    private static List<Column> fit(List<Column> columns, Optional<Signature> signature) {
        if (signature.isEmpty() || columns.size() != 1 || columns.getFirst().width() < 2) {
            return columns;
        }
        Column only = columns.getFirst();
        List<ColumnSpec> specs = signature.get().inputs();
        if (signature.get().findInput(only.name()).isPresent()) {
            return columns;
        }
        if (specs.size() == 1 && specs.getFirst().width() == only.width()) {
            return List.of(only.renamed(specs.getFirst().name()));
        }
        boolean spread =
                specs.size() == only.width()
                        && only.dtype().isNumeric()
                        && specs.stream().allMatch(s -> s.width() == 1 && s.dtype().isNumeric());
        if (!spread) {
            return columns;
        }
        List<Column> out = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            out.add(position(only, i, specs.get(i).name()));
        }
        return out;
    }

    /** Position {@code index} of every row of {@code c}, as a width-1 column named {@code name}. */
    private static Column position(Column c, int index, String name) {
        int rows = c.rows();
        int w = c.width();
        BitSet nulls = (BitSet) c.nulls().clone();
        return switch (c) {
            case DoubleColumn d -> {
                double[] v = new double[rows];
                for (int r = 0; r < rows; r++) {
                    v[r] = d.values()[r * w + index];
                }
                yield new DoubleColumn(name, 1, v, nulls);
            }
            case FloatColumn f -> {
                float[] v = new float[rows];
                for (int r = 0; r < rows; r++) {
                    v[r] = f.values()[r * w + index];
                }
                yield new FloatColumn(name, 1, v, nulls);
            }
            case LongColumn l -> {
                long[] v = new long[rows];
                for (int r = 0; r < rows; r++) {
                    v[r] = l.values()[r * w + index];
                }
                yield new LongColumn(name, 1, v, nulls);
            }
            case BoolColumn b -> {
                boolean[] v = new boolean[rows];
                for (int r = 0; r < rows; r++) {
                    v[r] = b.values()[r * w + index];
                }
                yield new BoolColumn(name, 1, v, nulls);
            }
            case StringColumn s -> {
                String[] v = new String[rows];
                for (int r = 0; r < rows; r++) {
                    v[r] = s.values()[r * w + index];
                }
                yield new StringColumn(name, 1, v, nulls);
            }
        };
    }
}
