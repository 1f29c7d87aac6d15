package dev.slipway.monitor.drift;

import java.util.Locale;
import java.util.Optional;

/** How a column's values are compared for drift: as numbers on a line, or as unordered labels. */
public enum ColumnKind {
    /** Real numbers: order and distance between values matter. */
    NUMERIC,
    /** Labels (text or booleans): only equality matters. */
    CATEGORICAL;

    /** The lower-case name used on the command line and in JSON, e.g. {@code numeric}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose {@link #label()} is {@code label}, ignoring case and surrounding spaces. */
    public static Optional<ColumnKind> fromLabel(String label) {
        for (ColumnKind k : values()) {
            if (k.label().equalsIgnoreCase(label.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
