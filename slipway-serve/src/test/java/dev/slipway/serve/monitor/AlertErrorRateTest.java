package dev.slipway.serve.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.Inference;
import dev.slipway.serve.core.Protocol;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The error rate the alert schedule takes from the server's own request counts. */
class AlertErrorRateTest {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final RequestCounts counts =
            new RequestCounts(HOUR, clock, Set.of("adult-income", "iris")::contains);

    private static final Call CALL = new Call("r-1", Protocol.OIP_REST, 0);

    private void answered(String model, int n) {
        Inference i =
                new Inference(
                        model,
                        1,
                        new Signature(List.of(), List.of()),
                        new Frame(0, List.of()),
                        new Frame(0, List.of()),
                        1,
                        0,
                        0);
        for (int k = 0; k < n; k++) {
            counts.answered(CALL, i);
        }
    }

    private void failed(String model, int n) {
        for (int k = 0; k < n; k++) {
            counts.failed(CALL, model, InvalidInputException.of("age", "bad"));
        }
    }

    private static AlertWindow lastHour(Instant end) {
        return new AlertWindow(end.minus(HOUR), end);
    }

    @Test
    void errorRate_answeredAndFailed_isTheShareThatFailed() {
        answered("adult-income", 3);
        failed("adult-income", 1);
        clock.now = T0.plusSeconds(60);
        assertThat(counts.errorRate("adult-income", lastHour(clock.now)))
                .isEqualTo(OptionalDouble.of(0.25));
    }

    @Test
    void errorRate_noRequests_isEmpty() {
        answered("iris", 2);
        assertThat(counts.errorRate("adult-income", lastHour(T0.plusSeconds(1)))).isEmpty();
    }

    @Test
    void errorRate_requestsBeforeTheWindow_areLeftOut() {
        failed("adult-income", 5);
        clock.now = T0.plus(HOUR).plusSeconds(120);
        answered("adult-income", 2);
        assertThat(counts.errorRate("adult-income", lastHour(clock.now.plusSeconds(1))))
                .isEqualTo(OptionalDouble.of(0.0));
    }

    @Test
    void errorRate_requestsAfterTheWindow_areLeftOut() {
        clock.now = T0.plus(HOUR);
        failed("adult-income", 5);
        assertThat(counts.errorRate("adult-income", lastHour(T0))).isEmpty();
    }

    @Test
    void failed_modelNotServedOrNone_isNotCounted() {
        failed("made-up", 3);
        failed("", 3);
        assertThat(counts.errorRate("made-up", lastHour(T0.plusSeconds(1)))).isEmpty();
    }

    @Test
    void forgetBefore_dropsOldBucketsOnly() {
        failed("adult-income", 1);
        clock.now = T0.plus(HOUR);
        answered("adult-income", 1);
        counts.forgetBefore(T0.plusSeconds(120));
        AlertWindow both = new AlertWindow(T0, T0.plus(HOUR).plusSeconds(1));
        assertThat(counts.errorRate("adult-income", both)).isEqualTo(OptionalDouble.of(0.0));
    }

    @Test
    void options_nonPositiveInterval_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> AlertOptions.of(Path.of("rules.yaml")).withEvery(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("positive interval");
    }
}
