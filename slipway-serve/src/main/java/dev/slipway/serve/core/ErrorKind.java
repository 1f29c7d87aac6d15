package dev.slipway.serve.core;

import dev.slipway.api.AccessDeniedException;
import dev.slipway.api.ConflictException;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.SlipwayException;
import dev.slipway.api.StoreException;
import dev.slipway.api.UnavailableException;
import java.util.concurrent.CompletionException;

/**
 * The kinds of failure a request can end in, whatever the transport. Every exception is classified
 * here, once; HTTP and gRPC each map the kinds to their status codes with one switch.
 */
public enum ErrorKind {
    /** The request is wrong: bad JSON, a missing column, a wrong type. */
    INVALID_INPUT("invalid"),
    /** No credentials, or unknown ones. */
    UNAUTHENTICATED("unauthenticated"),
    /** Credentials without the needed scope. */
    FORBIDDEN("forbidden"),
    /** The model, version or route does not exist. */
    NOT_FOUND("not_found"),
    /** The request conflicts with the current state. */
    CONFLICT("conflict"),
    /** Not ready, overloaded or timed out: retry later. */
    UNAVAILABLE("unavailable"),
    /** A fault on the server's side. */
    INTERNAL("error");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The short name used in metrics ({@code invalid}, {@code unavailable}, ...). */
    public String label() {
        return label;
    }

    /** The kind of {@code error}, looking through {@link CompletionException} wrappers. */
    public static ErrorKind of(Throwable error) {
        Throwable e = unwrap(error);
        if (!(e instanceof SlipwayException s)) {
            return INTERNAL;
        }
        return switch (s) {
            case InvalidInputException x -> INVALID_INPUT;
            case NotFoundException x -> NOT_FOUND;
            case ConflictException x -> CONFLICT;
            case UnavailableException x -> UNAVAILABLE;
            case AccessDeniedException x -> x.authenticated() ? FORBIDDEN : UNAUTHENTICATED;
            case CorruptDataException x -> INTERNAL;
            case IncompatibleFormatException x -> INTERNAL;
            case StoreException x -> INTERNAL;
        };
    }

    /** The error itself, without {@link CompletionException} wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The message to show a client: the error's own for known kinds, a generic one otherwise. */
    public static String message(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof SlipwayException && of(e) != INTERNAL) {
            return e.getMessage();
        }
        return "internal error: %s; the server log has details"
                .formatted(e.getClass().getSimpleName());
    }
}
