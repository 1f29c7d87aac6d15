package dev.slipway.serve.grpc;

import dev.slipway.api.UnavailableException;
import dev.slipway.serve.core.ErrorKind;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;

/** The one place gRPC status codes come from: every failure, classified by {@link ErrorKind}. */
final class GrpcErrors {

    private static final System.Logger LOG = System.getLogger("slipway.serve.grpc");

    /** Seconds after which a refused request may be retried, sent with UNAVAILABLE. */
    static final Metadata.Key<String> RETRY_AFTER =
            Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcErrors() {}

    /** The status code of a kind of failure. */
    static Status.Code code(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> Status.Code.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.Code.NOT_FOUND;
            case UNAVAILABLE -> Status.Code.UNAVAILABLE;
            case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
            case FORBIDDEN -> Status.Code.PERMISSION_DENIED;
            case CONFLICT -> Status.Code.FAILED_PRECONDITION;
            case INTERNAL -> Status.Code.INTERNAL;
        };
    }

    /**
     * The status to close a call with after {@code error}: its kind's code and the message a client
     * may see. Internal faults are logged with their stack trace, which the client never gets.
     */
    static StatusException status(Throwable error) {
        Throwable e = ErrorKind.unwrap(error);
        ErrorKind kind = ErrorKind.of(e);
        if (kind == ErrorKind.INTERNAL) {
            LOG.log(System.Logger.Level.ERROR, "gRPC request failed", e);
        }
        Metadata trailers = new Metadata();
        if (e instanceof UnavailableException u) {
            long seconds = Math.max(1, (u.retryAfter().toMillis() + 999) / 1000);
            trailers.put(RETRY_AFTER, Long.toString(seconds));
        }
        return Status.fromCode(code(kind))
                .withDescription(ErrorKind.message(e))
                .asException(trailers);
    }
}
