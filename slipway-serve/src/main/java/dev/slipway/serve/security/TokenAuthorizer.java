package dev.slipway.serve.security;

import dev.slipway.api.AccessDeniedException;
import dev.slipway.serve.core.Authorizer;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Authorizer} of a server that requires API tokens: a request needs the secret of a
 * token, not revoked, whose scopes include what the request does. Thread-safe.
 */
public final class TokenAuthorizer implements Authorizer {

    private final Tokens tokens;

    /** Checks requests against {@code tokens}. */
    public TokenAuthorizer(Tokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public void check(Optional<String> bearerToken, Need need) {
        Objects.requireNonNull(bearerToken, "bearerToken");
        Scope needed = scope(need);
        if (bearerToken.isEmpty()) {
            throw new AccessDeniedException(
                    false,
                    "this server requires an API token with the %s scope: send the header 'Authorization: Bearer <secret>' (create a token with 'slipway tokens create --name NAME --scope %s')"
                            .formatted(needed.label(), needed.label()));
        }
        ApiToken token =
                tokens.verify(bearerToken.get())
                        .orElseThrow(
                                () ->
                                        new AccessDeniedException(
                                                false,
                                                "the API token sent is unknown or revoked: check the secret in 'Authorization: Bearer <secret>' ('slipway tokens list' shows the tokens there are)"));
        if (!token.allows(needed)) {
            throw new AccessDeniedException(
                    true,
                    "API token '%s' has the scope %s, and this request needs %s: use a token created with --scope %s"
                            .formatted(
                                    token.name(),
                                    TokenRows.scopes(token.scopes()),
                                    needed.label(),
                                    needed.label()));
        }
    }

    @Override
    public boolean required() {
        return true;
    }

    private static Scope scope(Need need) {
        return switch (need) {
            case PREDICT -> Scope.PREDICT;
            case ADMIN -> Scope.ADMIN;
        };
    }
}
