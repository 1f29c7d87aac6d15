package dev.slipway.serve.security;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An API token of the model server, as stored: everything but its secret, which Slipway never
 * keeps. Immutable.
 *
 * @param id 12 hex digits, chosen at random at creation
 * @param name the name given at creation, unique among tokens
 * @param scopes what the token may do; never empty
 * @param createdAt when it was created
 */
public record ApiToken(String id, String name, Set<Scope> scopes, Instant createdAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("token " + name + " has no scopes");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    /** Whether the token may do what {@code needed} allows: one of its scopes includes it. */
    public boolean allows(Scope needed) {
        Objects.requireNonNull(needed, "needed");
        return scopes.stream().anyMatch(s -> s.includes(needed));
    }
}
