package dev.slipway.api;

/** The metadata store, the blob store or the file system failed for a reason outside the input. */
public final class StoreException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
