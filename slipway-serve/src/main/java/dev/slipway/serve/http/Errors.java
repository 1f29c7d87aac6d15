package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.UnavailableException;
import dev.slipway.serve.core.ErrorKind;
import io.vertx.core.http.HttpServerResponse;

/**
 * The one place where failures become HTTP responses: the status code of every error kind, and the
 * body each protocol expects ({@code {"error": ...}} for the Open Inference Protocol and the
 * management API, {@code {"error_code": ..., "message": ...}} for MLflow).
 */
final class Errors {

    private static final System.Logger LOG = System.getLogger("slipway.serve.http");

    /** The body shapes. */
    enum Style {
        OIP,
        MLFLOW
    }

    private Errors() {}

    static int status(Throwable error) {
        Throwable e = ErrorKind.unwrap(error);
        if (e instanceof HttpFailure h) {
            return h.status;
        }
        return switch (ErrorKind.of(e)) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    static String message(Throwable error) {
        Throwable e = ErrorKind.unwrap(error);
        return e instanceof HttpFailure h ? h.getMessage() : ErrorKind.message(e);
    }

    /** Ends {@code response} with the error, in the protocol's shape. */
    static void send(
            HttpServerResponse response,
            Json json,
            Style style,
            Throwable error,
            String requestId) {
        if (response.ended() || response.closed()) {
            return;
        }
        int status = status(error);
        Throwable e = ErrorKind.unwrap(error);
        if (status == 500) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
        }
        if (e instanceof UnavailableException u) {
            response.putHeader(
                    "Retry-After", Long.toString(Math.max(1, u.retryAfter().toSeconds())));
        }
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String message = message(e);
        switch (style) {
            case OIP -> body.put("error", message);
            case MLFLOW -> {
                body.put("error_code", mlflowCode(status));
                body.put("message", message);
            }
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(io.vertx.core.buffer.Buffer.buffer(json.write(body)));
    }

    /** MLflow's error codes, as its scoring server and REST API use them. */
    static String mlflowCode(int status) {
        return switch (status) {
            case 400, 413, 415 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "RESOURCE_DOES_NOT_EXIST";
            case 503 -> "TEMPORARILY_UNAVAILABLE";
            default -> "INTERNAL_ERROR";
        };
    }
}
