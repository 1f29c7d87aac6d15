package dev.slipway.api.model;

/** The element type of a {@link Column}; each maps to one Open Inference Protocol datatype. */
public enum DType {
    BOOL("BOOL"),
    INT64("INT64"),
    FP32("FP32"),
    FP64("FP64"),
    STRING("BYTES");

    private final String protocolName;

    DType(String protocolName) {
        this.protocolName = protocolName;
    }

    /** The Open Inference Protocol datatype name ({@code FP32}, {@code BYTES}, ...). */
    public String protocolName() {
        return protocolName;
    }

    /** Whether values of this type are numbers (booleans count as 0 and 1). */
    public boolean isNumeric() {
        return this != STRING;
    }
}
