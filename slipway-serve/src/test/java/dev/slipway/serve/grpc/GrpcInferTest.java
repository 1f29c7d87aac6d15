package dev.slipway.serve.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import inference.GrpcPredictV2.InferTensorContents;
import inference.GrpcPredictV2.ModelInferRequest;
import inference.GrpcPredictV2.ModelInferRequest.InferRequestedOutputTensor;
import inference.GrpcPredictV2.ModelInferResponse;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrpcInferTest {

    private static final Metadata.Key<String> REQUEST_ID =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static TestServer server;
    private static Frame rows;
    private static Frame expected;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        rows = AdultTable.first(20);
        try (Predictor p = server.home.registry().load(ModelRef.parse("adult-income/1"))) {
            expected = p.predict(rows);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void modelInfer_typedContents_matchesThePredictorInProcess() {
        ModelInferResponse r =
                server.stub().modelInfer(Tensors.typed("adult-income", rows).build());
        assertThat(r.getModelName()).isEqualTo("adult-income");
        assertThat(r.getModelVersion()).isEqualTo("1");
        assertThat(r.getRawOutputContentsCount()).isZero();
        assertSameAsInProcess(r);
        assertThat(Tensors.output(r, "label").getDatatype()).isEqualTo("BYTES");
        assertThat(Tensors.output(r, "label").getShapeList()).containsExactly(20L);
        assertThat(Tensors.output(r, "probabilities").getShapeList()).containsExactly(20L, 2L);
    }

    @Test
    void modelInfer_rawContents_sameAnswerInRawOutputs() {
        ModelInferResponse r = server.stub().modelInfer(Tensors.raw("adult-income", rows).build());
        assertThat(r.getRawOutputContentsCount()).isEqualTo(r.getOutputsCount()).isEqualTo(2);
        assertThat(r.getOutputsList()).allSatisfy(o -> assertThat(o.hasContents()).isFalse());
        assertSameAsInProcess(r);
    }

    private static void assertSameAsInProcess(ModelInferResponse r) {
        assertThat(Tensors.strings(r, "label"))
                .containsExactly(((StringColumn) expected.column("label")).values());
        double[] want = Tensors.numbers(expected.column("probabilities"));
        double[] got = Tensors.numbers(r, "probabilities");
        assertThat(got).hasSize(40);
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).isCloseTo(want[i], within(1e-6));
        }
    }

    @Test
    void modelInfer_irisTwoDimensionalFp32_predictsTheKnownClasses() {
        float[] values = {5.1f, 3.5f, 1.4f, 0.2f, 6.8f, 2.8f, 4.8f, 1.4f};
        Frame iris = Frame.of(new FloatColumn("features", 4, values, new BitSet()));
        ModelInferResponse typed = server.stub().modelInfer(Tensors.typed("iris", iris).build());
        ModelInferResponse raw = server.stub().modelInfer(Tensors.raw("iris", iris).build());
        assertThat(Tensors.numbers(typed, "output_label")).containsExactly(0, 1);
        assertThat(Tensors.numbers(raw, "output_label")).containsExactly(0, 1);
        try (Predictor p = server.home.registry().load(ModelRef.parse("iris/1"))) {
            Frame want = p.predict(Frame.of(iris.columns().getFirst().renamed("float_input")));
            for (Column c : want.columns()) {
                assertThat(Tensors.numbers(typed, c.name()))
                        .containsExactly(Tensors.numbers(c), within(1e-6));
            }
        }
    }

    @Test
    void modelInfer_outputsAsked_returnsOnlyThose() {
        ModelInferResponse r =
                server.stub()
                        .modelInfer(
                                Tensors.typed("adult-income", rows)
                                        .addOutputs(output("probabilities"))
                                        .build());
        assertThat(r.getOutputsList())
                .extracting(o -> o.getName())
                .containsExactly("probabilities");
    }

    @Test
    void modelInfer_unknownOutput_isInvalidArgumentListingTheOutputs() {
        assertRefused(
                () ->
                        server.stub()
                                .modelInfer(
                                        Tensors.typed("adult-income", rows)
                                                .addOutputs(output("score"))
                                                .build()),
                Status.Code.INVALID_ARGUMENT,
                "no output 'score'",
                "label, probabilities");
    }

    @Test
    void modelInfer_idGiven_isEchoedInTheResponseAndHeader() {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        ModelInferResponse r =
                server.stub(
                                MetadataUtils.newCaptureMetadataInterceptor(
                                        headers, new AtomicReference<>()))
                        .modelInfer(Tensors.typed("adult-income", rows).setId("req-42").build());
        assertThat(r.getId()).isEqualTo("req-42");
        assertThat(headers.get().get(REQUEST_ID)).isEqualTo("req-42");
    }

    @Test
    void modelInfer_xRequestIdSent_isAnsweredInTheHeader() {
        Metadata sent = new Metadata();
        sent.put(REQUEST_ID, "trace-7");
        AtomicReference<Metadata> headers = new AtomicReference<>();
        ModelInferResponse r =
                server.stub(
                                MetadataUtils.newCaptureMetadataInterceptor(
                                        headers, new AtomicReference<>()),
                                MetadataUtils.newAttachHeadersInterceptor(sent))
                        .modelInfer(Tensors.typed("adult-income", rows).setId("req-43").build());
        assertThat(headers.get().get(REQUEST_ID)).isEqualTo("trace-7");
        assertThat(r.getId()).isEqualTo("req-43");
    }

    @Test
    void modelInfer_noIdAtAll_getsAGeneratedOne() {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        ModelInferResponse r =
                server.stub(
                                MetadataUtils.newCaptureMetadataInterceptor(
                                        headers, new AtomicReference<>()))
                        .modelInfer(Tensors.typed("adult-income", rows).build());
        assertThat(r.getId()).isNotBlank();
        assertThat(headers.get().get(REQUEST_ID)).isEqualTo(r.getId());
    }

    @Test
    void modelInfer_failure_answersTheRequestIdInTheTrailers() {
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        assertThatThrownBy(
                        () ->
                                server.stub(
                                                MetadataUtils.newCaptureMetadataInterceptor(
                                                        new AtomicReference<>(), trailers))
                                        .modelInfer(
                                                Tensors.typed("nope", rows)
                                                        .setId("req-44")
                                                        .build()))
                .isInstanceOf(StatusRuntimeException.class);
        assertThat(trailers.get().get(REQUEST_ID)).isEqualTo("req-44");
    }

    @Test
    void modelInfer_answered_isToldToTheGatewayWithItsRequestId() {
        server.stub().modelInfer(Tensors.typed("adult-income", rows).setId("req-45").build());
        assertThat(server.calls).contains("answered oip-grpc req-45 adult-income 20");
    }

    @Test
    void modelInfer_undecodable_isToldToTheGatewayAsInvalid() {
        ModelInferRequest.Builder r = Tensors.typed("adult-income", rows).setId("req-46");
        r.getInputsBuilder(0).setDatatype("FLOAT");
        assertThatThrownBy(() -> server.stub().modelInfer(r.build()))
                .isInstanceOf(StatusRuntimeException.class);
        assertThat(server.calls).contains("failed oip-grpc req-46 adult-income invalid");
    }

    @Test
    void modelInfer_versionServed_answers() {
        ModelInferResponse r =
                server.stub()
                        .modelInfer(
                                Tensors.typed("adult-income", rows).setModelVersion("1").build());
        assertThat(r.getModelVersion()).isEqualTo("1");
    }

    @Test
    void modelInfer_versionNotServed_isNotFound() {
        assertRefused(
                () ->
                        server.stub()
                                .modelInfer(
                                        Tensors.typed("adult-income", rows)
                                                .setModelVersion("2")
                                                .build()),
                Status.Code.NOT_FOUND,
                "version 2");
    }

    @Test
    void modelInfer_unknownModel_isNotFound() {
        assertRefused(
                () -> server.stub().modelInfer(Tensors.typed("nope", rows).build()),
                Status.Code.NOT_FOUND,
                "'nope'");
    }

    @Test
    void modelInfer_missingColumn_isInvalidArgumentNamingIt() {
        Frame without = new Frame(rows.rows(), without(rows, "age"));
        assertRefused(
                () -> server.stub().modelInfer(Tensors.typed("adult-income", without).build()),
                Status.Code.INVALID_ARGUMENT,
                "missing input 'age'");
    }

    @Test
    void modelInfer_wrongElementCount_isInvalidArgumentNamingTheInput() {
        ModelInferRequest.Builder r = Tensors.typed("adult-income", rows);
        int age = rows.names().indexOf("age");
        r.getInputsBuilder(age).setContents(InferTensorContents.newBuilder().addFp64Contents(39));
        assertRefused(
                () -> server.stub().modelInfer(r.build()),
                Status.Code.INVALID_ARGUMENT,
                "input 'age' has 1 values in contents.fp64_contents but shape [20] needs 20");
    }

    @Test
    void modelInfer_wrongRawLength_isInvalidArgumentNamingTheInput() {
        ModelInferRequest.Builder r = Tensors.raw("adult-income", rows);
        int age = rows.names().indexOf("age");
        r.setRawInputContents(age, r.getRawInputContents(age).substring(0, 8));
        assertRefused(
                () -> server.stub().modelInfer(r.build()),
                Status.Code.INVALID_ARGUMENT,
                "input 'age' has 8 bytes of raw contents but FP64 shape [20] needs 160");
    }

    @Test
    void modelInfer_textForANumber_isInvalidArgumentNamingTheInput() {
        List<Column> columns = without(rows, "age");
        String[] ages = new String[rows.rows()];
        java.util.Arrays.fill(ages, "old");
        columns.add(StringColumn.of("age", ages));
        Frame text = new Frame(rows.rows(), columns);
        assertRefused(
                () -> server.stub().modelInfer(Tensors.typed("adult-income", text).build()),
                Status.Code.INVALID_ARGUMENT,
                "input 'age' is BYTES but model adult-income/1 needs FP64");
    }

    @Test
    void modelInfer_fp16InTypedContents_isInvalidArgumentWithTheFix() {
        ModelInferRequest.Builder r = Tensors.typed("iris", irisRow());
        r.getInputsBuilder(0).setDatatype("FP16");
        assertRefused(
                () -> server.stub().modelInfer(r.build()),
                Status.Code.INVALID_ARGUMENT,
                "input 'float_input' is FP16",
                "fp32_contents");
    }

    @Test
    void modelInfer_noModelName_isInvalidArgument() {
        assertRefused(
                () -> server.stub().modelInfer(Tensors.typed("", rows).build()),
                Status.Code.INVALID_ARGUMENT,
                "model_name");
    }

    private static Frame irisRow() {
        return Frame.of(
                new FloatColumn(
                        "float_input", 4, new float[] {5.1f, 3.5f, 1.4f, 0.2f}, new BitSet()));
    }

    private static List<Column> without(Frame frame, String name) {
        List<Column> columns = new ArrayList<>(frame.columns());
        columns.removeIf(c -> c.name().equals(name));
        return columns;
    }

    private static InferRequestedOutputTensor output(String name) {
        return InferRequestedOutputTensor.newBuilder().setName(name).build();
    }

    private static void assertRefused(
            ThrowingCallable call, Status.Code code, String... messageParts) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(code);
                            assertThat(e.getStatus().getDescription()).contains(messageParts);
                        });
    }
}
