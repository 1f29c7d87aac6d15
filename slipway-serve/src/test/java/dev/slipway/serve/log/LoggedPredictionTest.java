package dev.slipway.serve.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An entry is checked when it is made, so that the writer never meets one it cannot write. */
class LoggedPredictionTest {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    private static LoggedPrediction regressor(String model, Frame inputs, Frame outputs) {
        return new LoggedPrediction(
                T, "r1", model, 1, "grpc", 5, inputs, outputs, LogFixtures.REGRESSOR_V1);
    }

    @Test
    void new_columnOfAnotherTypeThanTheSignature_rejectedNamingIt() {
        assertThatThrownBy(
                        () ->
                                regressor(
                                        "houses",
                                        Frame.of(LongColumn.of("x", 1)),
                                        Frame.of(DoubleColumn.of("prediction", 2.0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input column 'x' holds INT64")
                .hasMessageContaining("signature says FP64");
    }

    @Test
    void new_outputRowsDifferFromInputRows_rejected() {
        assertThatThrownBy(
                        () ->
                                regressor(
                                        "houses",
                                        Frame.of(DoubleColumn.of("x", 1, 2)),
                                        Frame.of(DoubleColumn.of("prediction", 2.0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2 input rows but 1 output rows");
    }

    @Test
    void new_modelNameThatIsNoFolderName_rejected() {
        assertThatThrownBy(
                        () ->
                                regressor(
                                        "../etc",
                                        Frame.of(DoubleColumn.of("x", 1)),
                                        Frame.of(DoubleColumn.of("prediction", 2.0))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'../etc'");
    }

    @Test
    void new_outputMissingFromItsFrame_accepted() {
        LoggedPrediction p =
                regressor(
                        "houses",
                        Frame.of(DoubleColumn.of("x", 1)),
                        Frame.of(LongColumn.of("other", 1)));

        assertThat(p.rows()).isEqualTo(1);
    }
}
