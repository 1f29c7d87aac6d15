package dev.slipway.serve.grpc;

import dev.slipway.api.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Open Inference Protocol tensor datatypes a request may use. */
enum WireType {
    BOOL(1),
    UINT8(1),
    UINT16(2),
    UINT32(4),
    UINT64(8),
    INT8(1),
    INT16(2),
    INT32(4),
    INT64(8),
    FP16(2),
    BF16(2),
    FP32(4),
    FP64(8),
    BYTES(0);

    private final int size;

    WireType(int size) {
        this.size = size;
    }

    /** Bytes per element in raw contents; 0 for BYTES, whose elements carry their own length. */
    int size() {
        return size;
    }

    /** The datatype {@code datatype} of input {@code input}, refused with the accepted names. */
    static WireType of(String input, String datatype) {
        String d = datatype.strip().toUpperCase(Locale.ROOT);
        for (WireType t : values()) {
            if (t.name().equals(d)) {
                return t;
            }
        }
        throw InvalidInputException.of(
                input,
                "input '%s' has datatype '%s', which is not an Open Inference Protocol datatype; use one of %s"
                        .formatted(
                                input,
                                datatype,
                                Arrays.stream(values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
    }
}
