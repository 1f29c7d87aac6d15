package dev.slipway.api;

import java.util.Objects;

/** Something a user named (a dataset, a version, a blob) does not exist. */
public final class NotFoundException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * @param kind what was looked for, e.g. {@code "dataset"}
     * @param id the name or id that was given
     * @param message the full message, saying how to find what exists
     */
    public NotFoundException(String kind, String id, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** What was looked for, e.g. {@code "dataset"}. */
    public String kind() {
        return kind;
    }

    /** The name or id that was given. */
    public String id() {
        return id;
    }
}
