package dev.slipway.serve.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.monitor.alert.AlertWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The window each scheduled check looks at, and how the schedule names durations. */
class AlertScheduleWindowTest {

    private static final AlertOptions OPTIONS = AlertOptions.of(Path.of("rules.yaml"));

    @Test
    void window_midInterval_endsAtTheIntervalsStart() {
        AlertWindow w = AlertSchedule.window(Instant.parse("2026-05-01T12:07:31.250Z"), OPTIONS);
        assertThat(w.end()).isEqualTo(Instant.parse("2026-05-01T12:05:00Z"));
        assertThat(w.start()).isEqualTo(Instant.parse("2026-05-01T11:05:00Z"));
    }

    @Test
    void window_twoChecksInOneInterval_areTheSameWindow() {
        AlertWindow a = AlertSchedule.window(Instant.parse("2026-05-01T12:05:00Z"), OPTIONS);
        AlertWindow b = AlertSchedule.window(Instant.parse("2026-05-01T12:09:59.999Z"), OPTIONS);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void window_longerWindow_looksThatFarBack() {
        AlertWindow w =
                AlertSchedule.window(
                        Instant.parse("2026-05-01T00:00:00Z"),
                        OPTIONS.withWindow(Duration.ofDays(1)).withEvery(Duration.ofMinutes(1)));
        assertThat(w.start()).isEqualTo(Instant.parse("2026-04-30T00:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }

    @Test
    void text_exactUnits_areShort() {
        assertThat(AlertSchedule.text(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(AlertSchedule.text(Duration.ofHours(24))).isEqualTo("1d");
        assertThat(AlertSchedule.text(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(AlertSchedule.text(Duration.ofMillis(200))).isEqualTo("200ms");
    }
}
