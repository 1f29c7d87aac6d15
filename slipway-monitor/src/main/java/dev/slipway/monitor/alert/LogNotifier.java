package dev.slipway.monitor.alert;

import java.lang.System.Logger.Level;

/**
 * Writes alert notifications and failed deliveries to the {@code slipway.monitor.alert} logger:
 * firing at WARNING (ERROR for critical rules), resolved at INFO.
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
        LOG.log(level, "alert {0} #{1}: {2}", e.state().label(), e.sequence(), e.message());
    }

    static void deliveryFailed(AlertEvent e, Delivery d) {
        LOG.log(
                Level.WARNING,
                "alert {0} of rule {1} for model {2} (#{3}) was not delivered: {4}",
                e.state().label(),
                e.rule(),
                e.model(),
                e.sequence(),
                d.detail());
    }
}
