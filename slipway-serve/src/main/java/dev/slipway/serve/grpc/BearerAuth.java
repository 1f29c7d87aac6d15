package dev.slipway.serve.grpc;

import dev.slipway.serve.core.Authorizer;
import inference.GRPCInferenceServiceGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code authorization: Bearer <token>} metadata on every call but the health probes, which
 * stay open so that orchestrators can probe without a token.
 */
final class BearerAuth implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final String BEARER = "bearer ";

    private static final Set<String> OPEN =
            Set.of(
                    GRPCInferenceServiceGrpc.getServerLiveMethod().getFullMethodName(),
                    GRPCInferenceServiceGrpc.getServerReadyMethod().getFullMethodName());

    private final Authorizer authorizer;

    BearerAuth(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        if (OPEN.contains(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        try {
            authorizer.check(token(headers.get(AUTHORIZATION)), Authorizer.Need.PREDICT);
        } catch (RuntimeException e) {
            StatusException s = GrpcErrors.status(e);
            Metadata trailers = s.getTrailers();
            call.close(s.getStatus(), trailers != null ? trailers : new Metadata());
            return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
    }

    /** The secret of a {@code Bearer} authorization value; empty for none or another scheme. */
    static Optional<String> token(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String v = authorization.strip();
        if (v.length() <= BEARER.length()
                || !v.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String secret = v.substring(BEARER.length()).strip();
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }
}
