package dev.slipway.api;

import java.util.Objects;

/** Stored data failed its integrity check; the data is never returned. */
public final class CorruptDataException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    private final String id;

    /**
     * @param id the id of the corrupted item (a blob id, a dataset version)
     * @param message what was found and how to recover
     */
    public CorruptDataException(String id, String message) {
        super(message);
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The id of the corrupted item. */
    public String id() {
        return id;
    }
}
