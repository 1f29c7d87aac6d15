package dev.slipway.serve.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ConflictException;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.StoreLocation;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tokens on SQLite and on PostgreSQL: the migration and the SQL work on both. */
class TokensOnBothStoresTest {

    @TempDir Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00.123Z"));

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void createVerifyRevoke_onEachStore_tokenWorksUntilRevoked(TestDatabase.Kind kind) {
        try (TestDatabase db = kind.create(dir);
                SlipwayHome home = SlipwayHome.open(dir, StoreLocation.parse(db.jdbcUrl(), dir))) {
            Tokens tokens = new Tokens(home, clock, new SecureRandom());
            CreatedToken created = tokens.create("ci", Set.of(Scope.PREDICT, Scope.ADMIN));

            assertThat(tokens.verify(created.secret())).contains(created.token());
            assertThat(tokens.list()).containsExactly(created.token());
            assertThat(tokens.revoke(created.token().id())).isTrue();
            assertThat(tokens.verify(created.secret())).isEmpty();
            assertThat(tokens.list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void create_duplicateName_conflictOnEachStore(TestDatabase.Kind kind) {
        try (TestDatabase db = kind.create(dir);
                SlipwayHome home = SlipwayHome.open(dir, StoreLocation.parse(db.jdbcUrl(), dir))) {
            Tokens tokens = new Tokens(home, clock, new SecureRandom());
            tokens.create("ci", Set.of(Scope.PREDICT));

            assertThatThrownBy(() -> tokens.create("ci", Set.of(Scope.PREDICT)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("'ci'");
        }
    }
}
