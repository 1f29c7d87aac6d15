package dev.slipway.serve.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.AccessDeniedException;
import dev.slipway.serve.core.Authorizer.Need;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAuthorizerTest {

    @TempDir Path dir;

    private SlipwayHome home;
    private Tokens tokens;
    private TokenAuthorizer authorizer;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir);
        tokens =
                new Tokens(
                        home,
                        new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
                        new SecureRandom());
        authorizer = new TokenAuthorizer(tokens);
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void check_noToken_deniedUnauthenticatedSayingHowToSendOne() {
        assertThatThrownBy(() -> authorizer.check(Optional.empty(), Need.PREDICT))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class, e -> assertThat(e.authenticated()).isFalse())
                .hasMessageContaining("Authorization: Bearer <secret>");
    }

    @Test
    void check_unknownSecret_deniedUnauthenticatedWithoutEchoingIt() {
        String unknown = "slw_" + "x".repeat(43);

        assertThatThrownBy(() -> authorizer.check(Optional.of(unknown), Need.PREDICT))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class, e -> assertThat(e.authenticated()).isFalse())
                .hasMessageContaining("unknown or revoked")
                .message()
                .doesNotContain(unknown);
    }

    @Test
    void check_predictTokenForAdmin_deniedAuthenticatedNamingTheScopes() {
        String secret = tokens.create("ci", Set.of(Scope.PREDICT)).secret();

        assertThatCode(() -> authorizer.check(Optional.of(secret), Need.PREDICT))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authorizer.check(Optional.of(secret), Need.ADMIN))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class, e -> assertThat(e.authenticated()).isTrue())
                .hasMessageContaining("'ci'")
                .hasMessageContaining("needs admin")
                .message()
                .doesNotContain(secret);
    }

    @Test
    void check_adminToken_allowsBoth() {
        String secret = tokens.create("ops", Set.of(Scope.ADMIN)).secret();

        assertThatCode(
                        () -> {
                            authorizer.check(Optional.of(secret), Need.ADMIN);
                            authorizer.check(Optional.of(secret), Need.PREDICT);
                        })
                .doesNotThrowAnyException();
        assertThat(authorizer.required()).isTrue();
    }
}
