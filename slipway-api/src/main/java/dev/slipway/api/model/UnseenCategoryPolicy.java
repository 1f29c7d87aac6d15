package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.Locale;

/** What a model does with a category its training data never had. */
public enum UnseenCategoryPolicy {
    /** Treat the value as missing: it follows each tree's default direction. */
    MISSING,
    /** Refuse the row, naming the column, the value and the categories known. */
    ERROR;

    /** The lower-case name used in options and manifests. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()}. */
    public static UnseenCategoryPolicy fromLabel(String label) {
        for (UnseenCategoryPolicy p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw InvalidInputException.of(
                "unseen-categories",
                "unknown policy '%s' for unseen categories; use missing or error".formatted(label));
    }
}
