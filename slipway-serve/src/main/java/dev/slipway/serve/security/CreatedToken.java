package dev.slipway.serve.security;

import java.util.Objects;

/**
 * A token just created, with its secret: the only time the secret is known. Immutable; its {@link
 * #toString()} hides the secret.
 *
 * @param secret what a client sends as {@code Authorization: Bearer <secret>}
 * @param token the token as stored
 */
public record CreatedToken(String secret, ApiToken token) {

    public CreatedToken {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "CreatedToken[secret=***, token=" + token + "]";
    }
}
