package dev.slipway.formats.onnx;

import ai.onnxruntime.TensorInfo.OnnxTensorType;
import dev.slipway.api.model.DType;
import java.util.Optional;

/** The ONNX tensor element types Slipway exchanges with a model, each with its column type. */
enum ElementType {
    FLOAT(DType.FP32),
    DOUBLE(DType.FP64),
    INT64(DType.INT64),
    /** Shown as {@link DType#INT64}; values are checked to fit on the way in. */
    INT32(DType.INT64),
    BOOL(DType.BOOL),
    STRING(DType.STRING);

    private final DType dtype;

    ElementType(DType dtype) {
        this.dtype = dtype;
    }

    /** The column type a frame holds for this element type. */
    DType dtype() {
        return dtype;
    }

    /** The element type for an ONNX Runtime tensor type, when Slipway supports it. */
    static Optional<ElementType> of(OnnxTensorType type) {
        return switch (type) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> Optional.of(FLOAT);
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> Optional.of(DOUBLE);
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> Optional.of(INT64);
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> Optional.of(INT32);
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> Optional.of(BOOL);
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> Optional.of(STRING);
            default -> Optional.empty();
        };
    }
}
