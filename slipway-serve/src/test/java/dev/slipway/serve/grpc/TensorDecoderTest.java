package dev.slipway.serve.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import inference.GrpcPredictV2.InferTensorContents;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferRequest.InferInputTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TensorDecoderTest {

    private static final Signature THREE_NUMBERS =
            new Signature(
                    List.of(
                            ColumnSpec.scalar("a", DType.FP64),
                            ColumnSpec.scalar("b", DType.FP64),
                            ColumnSpec.scalar("c", DType.FP64)),
                    List.of(ColumnSpec.scalar("prediction", DType.FP64)));

    @Test
    void decode_rawIntegersOfEveryWidth_areLongs() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("i8", "INT8", 1).addShape(2))
                        .addRawInputContents(bytes(le(2).put((byte) -1).put((byte) 2)))
                        .addInputs(tensor("u8", "UINT8", 1))
                        .addRawInputContents(bytes(le(1).put((byte) -1)))
                        .addInputs(tensor("i16", "INT16", 1))
                        .addRawInputContents(bytes(le(2).putShort((short) -300)))
                        .addInputs(tensor("u16", "UINT16", 1))
                        .addRawInputContents(bytes(le(2).putShort((short) -1)))
                        .addInputs(tensor("i32", "INT32", 1))
                        .addRawInputContents(bytes(le(4).putInt(-70_000)))
                        .addInputs(tensor("u32", "UINT32", 1))
                        .addRawInputContents(bytes(le(4).putInt(-1)))
                        .addInputs(tensor("i64", "INT64", 1))
                        .addRawInputContents(bytes(le(8).putLong(Long.MIN_VALUE)))
                        .build();
        Frame f = decode(r);
        assertThat(longs(f, "i8")).containsExactly(-1, 2);
        assertThat(longs(f, "u8")).containsExactly(255);
        assertThat(longs(f, "i16")).containsExactly(-300);
        assertThat(longs(f, "u16")).containsExactly(65_535);
        assertThat(longs(f, "i32")).containsExactly(-70_000);
        assertThat(longs(f, "u32")).containsExactly(4_294_967_295L);
        assertThat(longs(f, "i64")).containsExactly(Long.MIN_VALUE);
    }

    @Test
    void decode_rawUint64AboveInt64_isRefusedNamingTheInput() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("big", "UINT64", 1))
                        .addRawInputContents(bytes(le(8).putLong(-1)))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'big' holds 18446744073709551615");
    }

    @Test
    void decode_rawHalfPrecision_isWidenedToFp32() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("h", "FP16", 1))
                        .addRawInputContents(bytes(le(2).putShort((short) 0x3E00)))
                        .addInputs(tensor("b", "BF16", 1))
                        .addRawInputContents(bytes(le(2).putShort((short) 0x3FC0)))
                        .build();
        Frame f = decode(r);
        assertThat(((FloatColumn) f.column("h")).values()).containsExactly(1.5f);
        assertThat(((FloatColumn) f.column("b")).values()).containsExactly(1.5f);
    }

    @Test
    void decode_rawBytes_areUtf8Strings() {
        byte[] word = "Çalışan".getBytes(StandardCharsets.UTF_8);
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("s", "BYTES", 2))
                        .addRawInputContents(
                                bytes(le(8 + word.length).putInt(word.length).put(word).putInt(0)))
                        .build();
        assertThat(((StringColumn) decode(r).column("s")).values()).containsExactly("Çalışan", "");
    }

    @Test
    void decode_rawBytesWithBytesLeftOver_isRefused() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("s", "BYTES", 1))
                        .addRawInputContents(bytes(le(6).putInt(1).put((byte) 'a').put((byte) 0)))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 's' has 1 bytes of raw contents after its 1 BYTES");
    }

    @Test
    void decode_rawBytesLengthPastTheEnd_isRefused() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("s", "BYTES", 1))
                        .addRawInputContents(bytes(le(5).putInt(9).put((byte) 'a')))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 's' value 0 says it has 9 bytes but only 1 remain");
    }

    @Test
    void decode_bytesThatAreNotUtf8_areRefused() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(
                                tensor("s", "BYTES", 1)
                                        .setContents(
                                                InferTensorContents.newBuilder()
                                                        .addBytesContents(
                                                                ByteString.copyFrom(
                                                                        new byte[] {(byte) 0xFF}))))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 's' holds bytes that are not UTF-8");
    }

    @Test
    void decode_typedUnsignedAndBool_keepTheirValues() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(
                                tensor("u", "UINT32", 1)
                                        .setContents(
                                                InferTensorContents.newBuilder()
                                                        .addUintContents(-1)))
                        .addInputs(
                                tensor("flag", "BOOL", 1)
                                        .setContents(
                                                InferTensorContents.newBuilder()
                                                        .addBoolContents(true)))
                        .build();
        Frame f = decode(r);
        assertThat(longs(f, "u")).containsExactly(4_294_967_295L);
        assertThat(((BoolColumn) f.column("flag")).values()).containsExactly(true);
    }

    @Test
    void decode_valuesInTheWrongField_saysWhichFieldToUse() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(
                                tensor("n", "INT64", 1)
                                        .setContents(
                                                InferTensorContents.newBuilder().addIntContents(3)))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'n' has 0 values in contents.int64_contents")
                .hasMessageContaining("reads its values from contents.int64_contents");
    }

    @Test
    void decode_contentsAndRawMixed_isRefused() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(
                                tensor("x", "FP32", 1)
                                        .setContents(
                                                InferTensorContents.newBuilder()
                                                        .addFp32Contents(1)))
                        .addInputs(tensor("y", "FP32", 1))
                        .addRawInputContents(ByteString.EMPTY)
                        .addRawInputContents(bytes(le(4).putFloat(1)))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'x' has values in contents");
    }

    @Test
    void decode_fewerRawContentsThanInputs_isRefused() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("x", "FP32", 1))
                        .addInputs(tensor("y", "FP32", 1))
                        .addRawInputContents(bytes(le(4).putFloat(1)))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2 inputs but 1 raw_input_contents");
    }

    @Test
    void decode_unknownDatatype_listsTheAcceptedOnes() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder().addInputs(tensor("x", "FLOAT", 1)).build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'x' has datatype 'FLOAT'")
                .hasMessageContaining("FP32");
    }

    @Test
    void decode_negativeDimension_isRefused() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(
                                InferInputTensor.newBuilder()
                                        .setName("x")
                                        .setDatatype("FP32")
                                        .addShape(-1))
                        .build();
        assertThatThrownBy(() -> decode(r))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input 'x' has shape [-1] with a negative dimension");
    }

    @Test
    void decode_shapeRowsByOne_isATableColumn() {
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(
                                tensor("x", "FP32", 2)
                                        .addShape(1)
                                        .setContents(
                                                InferTensorContents.newBuilder()
                                                        .addFp32Contents(1)
                                                        .addFp32Contents(2)))
                        .build();
        Frame f = decode(r);
        assertThat(f.rows()).isEqualTo(2);
        assertThat(f.column("x").width()).isEqualTo(1);
    }

    @Test
    void decode_oneTwoDimensionalInput_isSpreadOverTheModelsNumericInputs() {
        InferTensorContents.Builder c = InferTensorContents.newBuilder();
        for (float v : new float[] {1, 2, 3, 4, 5, 6}) {
            c.addFp32Contents(v);
        }
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("input-0", "FP32", 2).addShape(3).setContents(c))
                        .build();
        Frame f = TensorDecoder.decode(r, Optional.of(THREE_NUMBERS));
        assertThat(f.names()).containsExactly("a", "b", "c");
        assertThat(((FloatColumn) f.column("a")).values()).containsExactly(1, 4);
        assertThat(((FloatColumn) f.column("c")).values()).containsExactly(3, 6);
    }

    @Test
    void decode_twoDimensionalInputOfAnotherWidth_isLeftForTheCoreToRefuse() {
        InferTensorContents.Builder c = InferTensorContents.newBuilder();
        for (int i = 0; i < 4; i++) {
            c.addFp32Contents(i);
        }
        ModelInferRequest r =
                ModelInferRequest.newBuilder()
                        .addInputs(tensor("input-0", "FP32", 2).addShape(2).setContents(c))
                        .build();
        Frame f = TensorDecoder.decode(r, Optional.of(THREE_NUMBERS));
        assertThat(f.names()).containsExactly("input-0");
    }

    private static Frame decode(ModelInferRequest r) {
        return TensorDecoder.decode(r, Optional.empty());
    }

    private static InferInputTensor.Builder tensor(String name, String datatype, long rows) {
        return InferInputTensor.newBuilder().setName(name).setDatatype(datatype).addShape(rows);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteString bytes(ByteBuffer b) {
        return ByteString.copyFrom(b.array());
    }

    private static long[] longs(Frame f, String name) {
        return ((LongColumn) f.column(name)).values();
    }
}
