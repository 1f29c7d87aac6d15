package dev.slipway.monitor.alert;

import java.util.Locale;

/** How urgent an alert rule is: {@code warning} unless the rules file says {@code critical}. */
public enum Severity {
    /** Worth a look soon. */
    WARNING,
    /** Needs someone now. */
    CRITICAL;

    /**
     * The name in rules files, webhook bodies and the history: {@code warning} or {@code critical}.
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
