package dev.slipway.api;

/** A request cannot be carried out in the current state, e.g. an ambiguous version prefix. */
public final class ConflictException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
