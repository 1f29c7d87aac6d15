package dev.slipway.serve.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens on a real home with its SQLite metadata store. */
class TokensTest {

    private static final Set<Scope> PREDICT = Set.of(Scope.PREDICT);

    @TempDir Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00.123Z"));
    private SlipwayHome home;
    private Tokens tokens;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir.resolve("home"));
        tokens = new Tokens(home, clock, new SecureRandom());
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void create_validName_secretIsPrefixAnd43Base64UrlCharacters() {
        CreatedToken created = tokens.create("ci-deploy", PREDICT);

        assertThat(created.secret()).matches("slw_[A-Za-z0-9_-]{43}");
        assertThat(created.token().name()).isEqualTo("ci-deploy");
        assertThat(created.token().id()).matches("[0-9a-f]{12}");
        assertThat(created.token().scopes()).containsExactly(Scope.PREDICT);
        assertThat(created.token().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void create_twice_differentSecretsAndIds() {
        CreatedToken a = tokens.create("a", PREDICT);
        CreatedToken b = tokens.create("b", PREDICT);

        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(a.token().id()).isNotEqualTo(b.token().id());
    }

    @Test
    void verify_secretJustCreated_returnsTheToken() {
        CreatedToken created = tokens.create("ci", Set.of(Scope.PREDICT, Scope.ADMIN));

        assertThat(tokens.verify(created.secret())).contains(created.token());
    }

    @Test
    void verify_inAnotherInstanceOnTheSameStore_returnsTheToken() {
        CreatedToken created = tokens.create("ci", PREDICT);

        Tokens other = new Tokens(home, clock, new SecureRandom());

        assertThat(other.verify(created.secret())).contains(created.token());
    }

    @Test
    void verify_wellFormedSecretNotCreated_empty() {
        CreatedToken created = tokens.create("ci", PREDICT);
        String last = created.secret().substring(created.secret().length() - 1);
        String changed =
                created.secret().substring(0, created.secret().length() - 1)
                        + (last.equals("A") ? "B" : "A");

        assertThat(tokens.verify(changed)).isEmpty();
        assertThat(tokens.verify("slw_" + "x".repeat(43))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "slw_", "Bearer slw_abc", "not a token at all"})
    void verify_notShapedLikeASecret_empty(String secret) {
        tokens.create("ci", PREDICT);

        assertThat(tokens.verify(secret)).isEmpty();
    }

    @Test
    void verify_secretWithSurroundingSpace_empty() {
        CreatedToken created = tokens.create("ci", PREDICT);

        assertThat(tokens.verify(" " + created.secret())).isEmpty();
    }

    @Test
    void list_severalTokens_oldestFirst() {
        ApiToken second = tokens.create("b-second", PREDICT).token();
        clock.advance(Duration.ofMinutes(1));
        ApiToken third = tokens.create("a-third", Set.of(Scope.ADMIN)).token();

        assertThat(tokens.list()).containsExactly(second, third);
    }

    @Test
    void list_noTokens_empty() {
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void revoke_byName_refusedAtOnceAndGoneFromTheList() {
        CreatedToken created = tokens.create("ci", PREDICT);
        assertThat(tokens.verify(created.secret())).isPresent();

        assertThat(tokens.revoke("ci")).isTrue();

        assertThat(tokens.verify(created.secret())).isEmpty();
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void revoke_byId_revokesThatToken() {
        CreatedToken keep = tokens.create("keep", PREDICT);
        CreatedToken drop = tokens.create("drop", PREDICT);

        assertThat(tokens.revoke(drop.token().id())).isTrue();

        assertThat(tokens.list()).containsExactly(keep.token());
        assertThat(tokens.verify(drop.secret())).isEmpty();
    }

    @Test
    void revoke_unknown_false() {
        tokens.create("ci", PREDICT);

        assertThat(tokens.revoke("nope")).isFalse();
        assertThat(tokens.list()).hasSize(1);
    }

    @Test
    void revoke_nameThatIsAnotherTokensId_conflictNamingBoth() {
        ApiToken first = tokens.create("first", PREDICT).token();
        ApiToken lookalike = tokens.create(first.id(), PREDICT).token();

        assertThatThrownBy(() -> tokens.revoke(first.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(lookalike.id())
                .hasMessageContaining("'first'");
        assertThat(tokens.list()).hasSize(2);
    }

    @Test
    void verify_revokedByAnotherInstance_acceptedWithinTtlRefusedAfterIt() {
        CreatedToken created = tokens.create("ci", PREDICT);
        assertThat(tokens.verify(created.secret())).isPresent();

        new Tokens(home, clock, new SecureRandom()).revoke("ci");
        clock.advance(Tokens.DEFAULT_CACHE_TTL.minusMillis(1));
        boolean stillCached = tokens.verify(created.secret()).isPresent();
        clock.advance(Duration.ofMillis(1));

        assertThat(stillCached).isTrue();
        assertThat(tokens.verify(created.secret())).isEmpty();
    }

    @Test
    void verify_zeroTtl_revocationByAnotherInstanceSeenAtOnce() {
        Tokens uncached = new Tokens(home, clock, new SecureRandom(), Duration.ZERO);
        CreatedToken created = uncached.create("ci", PREDICT);
        assertThat(uncached.verify(created.secret())).isPresent();

        tokens.revoke("ci");

        assertThat(uncached.verify(created.secret())).isEmpty();
    }

    @Test
    void verify_createdAfterAFailedVerify_acceptedAtOnce() {
        byte[] seed = "same seed".getBytes(StandardCharsets.UTF_8);
        Tokens first = new Tokens(home, clock, seeded(seed));
        String secret = first.create("ci", PREDICT).secret();
        first.revoke("ci");
        assertThat(tokens.verify(secret)).isEmpty();

        String again = new Tokens(home, clock, seeded(seed)).create("ci", PREDICT).secret();

        assertThat(again).isEqualTo(secret);
        assertThat(tokens.verify(secret)).isPresent();
    }

    @Test
    void create_duplicateName_conflictNamingIt() {
        tokens.create("ci", PREDICT);

        assertThatThrownBy(() -> tokens.create("ci", Set.of(Scope.ADMIN)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'ci' already exists")
                .hasMessageContaining("slipway tokens revoke ci");
        assertThat(tokens.list()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "a/b", "naïve", "semi;colon"})
    void create_badName_invalidInputSayingWhatIsAllowed(String name) {
        assertThatThrownBy(() -> tokens.create(name, PREDICT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + name + "' is not a valid token name")
                .hasMessageContaining("1 to 64");
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void create_nameOf64Characters_acceptedAnd65Refused() {
        assertThat(tokens.create("a".repeat(64), PREDICT).token().name()).hasSize(64);
        assertThatThrownBy(() -> tokens.create("b".repeat(65), PREDICT))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void create_noScopes_invalidInputListingThem() {
        assertThatThrownBy(() -> tokens.create("ci", Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("predict, admin");
    }

    @Test
    void create_secretIsInNoFileOfTheHomeButItsHashIs() throws IOException {
        CreatedToken created = tokens.create("ci", PREDICT);
        tokens.verify(created.secret());
        home.close();

        String files = homeFiles();

        String body = created.secret().substring(Tokens.SECRET_PREFIX.length());
        String raw = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.ISO_8859_1);
        assertThat(files).doesNotContain(body).doesNotContain(raw);
        assertThat(files).contains(Tokens.sha256(created.secret()));
        home = SlipwayHome.open(dir.resolve("home"));
    }

    @Test
    void createdToken_toString_hidesTheSecret() {
        CreatedToken created = tokens.create("ci", PREDICT);

        assertThat(created.toString()).doesNotContain(created.secret()).contains("ci");
    }

    @Test
    void constructor_ttlOutOfRange_refused() {
        SecureRandom random = new SecureRandom();
        assertThatThrownBy(() -> new Tokens(home, clock, random, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tokens(home, clock, random, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT1M");
    }

    /** Every file in the home (the SQLite database among them), as ISO-8859-1 text. */
    private String homeFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("home"))) {
            s.filter(Files::isRegularFile).forEach(found::add);
        }
        assertThat(found).extracting(p -> p.getFileName().toString()).contains("slipway.db");
        StringBuilder all = new StringBuilder();
        for (Path p : found) {
            all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    private static SecureRandom seeded(byte[] seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
