package dev.slipway.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.store.MetadataStore;
import dev.slipway.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications in the {@code slipway.monitor.alert} log (through java.util.logging). */
class LogNotifierTest {

    @TempDir Path tmp;

    private final Logger logger = Logger.getLogger("slipway.monitor.alert");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void check_firingThenResolved_loggedAtSevereForCriticalThenInfo() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:05:00Z"));
        try (MetadataStore store =
                        MetadataStore.open(new StoreLocation.Sqlite(tmp.resolve("slipway.db")));
                Alerts alerts = new Alerts(store, AlertsTest.RULES, clock)) {
            alerts.check(AlertsTest.auc(0, 0.7));
            clock.advance(Duration.ofHours(1));
            alerts.check(AlertsTest.auc(1, 0.9));
        }

        assertThat(records)
                .extracting(LogRecord::getLevel)
                .containsExactly(Level.SEVERE, Level.INFO);
        assertThat(records.getFirst().getMessage())
                .startsWith("alert firing #1: auc-low FIRING [critical] for model adult-income");
        assertThat(records.getLast().getMessage())
                .startsWith(
                        "alert resolved #2: auc-low RESOLVED [critical] for model adult-income");
    }
}
