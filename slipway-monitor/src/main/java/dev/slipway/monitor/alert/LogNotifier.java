package dev.slipway.monitor.alert;

import java.lang.System.Logger.Level;

/**
 * Writes alert notifications and failed deliveries to the {@code slipway.monitor.alert} logger:
 * firing at WARNING (ERROR for critical rules), resolved at INFO, a failed delivery at WARNING.
 * Messages are formatted here (numbers without locale grouping), not by the logging backend.
 */
final class LogNotifier {

    static final System.Logger LOG = System.getLogger("slipway.monitor.alert");

    private LogNotifier() {}

    static void notify(AlertEvent e) {
        Level level =
                switch (e.state()) {
                    case FIRING ->
                            switch (e.severity()) {
                                case WARNING -> Level.WARNING;
                                case CRITICAL -> Level.ERROR;
                            };
                    case RESOLVED -> Level.INFO;
                };
        LOG.log(level, "alert %s #%d: %s".formatted(e.state().label(), e.sequence(), e.message()));
    }

    static void deliveryFailed(AlertEvent e, Delivery d) {
        LOG.log(
                Level.WARNING,
                "alert %s #%d of rule %s for model %s was not delivered: %s"
                        .formatted(
                                e.state().label(), e.sequence(), e.rule(), e.model(), d.detail()));
    }
}
