package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.Locale;

/** What a supervised model predicts. */
public enum Task {
    /** One of two classes. */
    BINARY,
    /** One of three or more classes. */
    MULTICLASS,
    /** A number. */
    REGRESSION;

    /** The lower-case name used in options and manifests. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()}. */
    public static Task fromLabel(String label) {
        for (Task t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw InvalidInputException.of(
                "task", "unknown task '%s'; use binary, multiclass or regression".formatted(label));
    }
}
