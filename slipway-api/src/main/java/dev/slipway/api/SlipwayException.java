package dev.slipway.api;

/**
 * The root of every error Slipway reports to a user.
 *
 * <p>The set of subtypes is closed so that transports (the CLI's exit codes, later HTTP and gRPC
 * status codes) map them in one exhaustive switch. A message says what was wrong, with which input,
 * and how to fix it.
 */
public abstract sealed class SlipwayException extends RuntimeException
        permits InvalidInputException,
                NotFoundException,
                ConflictException,
                CorruptDataException,
                IncompatibleFormatException,
                StoreException,
                UnavailableException,
                AccessDeniedException {

    private static final long serialVersionUID = 1L;

    protected SlipwayException(String message, Throwable cause) {
        super(message, cause);
    }

    protected SlipwayException(String message) {
        super(message);
    }
}
