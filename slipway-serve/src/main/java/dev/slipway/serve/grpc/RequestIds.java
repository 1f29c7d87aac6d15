package dev.slipway.serve.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;

/**
 * Carries the request id of each call: the client's {@code x-request-id} metadata when it sent one,
 * else the id the service picks; answers it in the response headers (or the trailers, when a call
 * fails before any header was sent).
 */
final class RequestIds implements ServerInterceptor {

    static final Metadata.Key<String> HEADER =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static final int MAX_LENGTH = 200;
    private static final Context.Key<Slot> SLOT = Context.key("slipway-request-id");

    /** The request id of one call. Thread-safe. */
    static final class Slot {
        private final Optional<String> sent;
        private volatile String chosen;

        Slot(Optional<String> sent) {
            this.sent = sent;
        }

        /** The id the client sent in {@code x-request-id}, if it sent a usable one. */
        Optional<String> sent() {
            return sent;
        }

        /** Sets the id answered to the client. */
        void set(String id) {
            chosen = id;
        }

        /** The id answered to the client: the one set, else the one sent. */
        Optional<String> id() {
            String c = chosen;
            return c != null ? Optional.of(c) : sent;
        }
    }

    /** The slot of the call being handled (a detached one outside a call). */
    static Slot current() {
        Slot s = SLOT.get();
        return s != null ? s : new Slot(Optional.empty());
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        Slot slot = new Slot(usable(headers.get(HEADER)));
        ServerCall<ReqT, RespT> tagged =
                new SimpleForwardingServerCall<>(call) {
                    private volatile boolean headersSent;

                    @Override
                    public void sendHeaders(Metadata responseHeaders) {
                        slot.id().ifPresent(id -> responseHeaders.put(HEADER, id));
                        headersSent = true;
                        super.sendHeaders(responseHeaders);
                    }

                    @Override
                    public void close(Status status, Metadata trailers) {
                        if (!headersSent) {
                            slot.id().ifPresent(id -> trailers.put(HEADER, id));
                        }
                        super.close(status, trailers);
                    }
                };
        return Contexts.interceptCall(
                Context.current().withValue(SLOT, slot), tagged, headers, next);
    }

    private static Optional<String> usable(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        return v.isEmpty() || v.length() > MAX_LENGTH ? Optional.empty() : Optional.of(v);
    }
}
