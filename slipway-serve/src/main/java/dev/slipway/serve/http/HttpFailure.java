package dev.slipway.serve.http;

/**
 * A failure that exists only in HTTP: a body too large, a media type not spoken, a route that does
 * not exist. Everything else is a {@link dev.slipway.api.SlipwayException}.
 */
final class HttpFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;

    HttpFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
