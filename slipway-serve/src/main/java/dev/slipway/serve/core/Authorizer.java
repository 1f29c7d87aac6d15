package dev.slipway.serve.core;

import dev.slipway.api.AccessDeniedException;
import java.util.Optional;

/** Decides whether a request's credentials allow what it asks. Thread-safe. */
public interface Authorizer {

    /** What a request needs to be allowed to do. */
    enum Need {
        /** Predict, read metadata and health. */
        PREDICT,
        /** Change what is served: load, unload, move aliases. */
        ADMIN
    }

    /**
     * Returns when {@code bearerToken} (the secret from {@code Authorization: Bearer ...}, empty
     * when none was sent) allows {@code need}.
     *
     * @throws AccessDeniedException when it does not, saying what is missing
     */
    void check(Optional<String> bearerToken, Need need);

    /** Whether requests need credentials at all. */
    boolean required();

    /** Allows everything: tokens are off. */
    static Authorizer allowAll() {
        return new Authorizer() {
            @Override
            public void check(Optional<String> bearerToken, Need need) {}

            @Override
            public boolean required() {
                return false;
            }
        };
    }

    /** Refuses {@code need} with the reason given (used in tests and when no token exists). */
    static AccessDeniedException denied(boolean authenticated, String message) {
        return new AccessDeniedException(authenticated, message);
    }
}
