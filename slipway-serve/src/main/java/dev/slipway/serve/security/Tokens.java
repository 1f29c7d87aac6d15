package dev.slipway.serve.security;

import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.SlipwayHome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API tokens of a home's model server: created with a name and scopes, verified on each
 * request, listed and revoked. Tokens live in the metadata store, so every server and command on
 * the same store sees the same ones.
 *
 * <p>A token's secret is {@code slw_} followed by 43 base64url characters: 32 bytes (256 bits) from
 * the injected {@link SecureRandom}. Only the lowercase hex SHA-256 of the secret is stored, and
 * the secret is shown once, by {@link #create}. A plain, unsalted SHA-256 is enough here because
 * the secrets are uniformly random 256-bit values, not passwords chosen by people: there is no
 * dictionary to try, so the slow, salted hashes made for passwords (bcrypt, Argon2) would add cost
 * on every request and no safety; finding a secret from its hash, or any other secret with the same
 * hash, takes on the order of 2<sup>256</sup> tries. A fast hash also lets {@link #verify} find a
 * token with one indexed lookup instead of comparing against every stored hash.
 *
 * <p>{@link #verify} remembers the tokens it found for a short time (the cache TTL, 5 s unless
 * given), measured with the injected {@link Clock}, so that the server does not query the database
 * on every request. A token revoked through this object stops working at once; one revoked by
 * another process (another server, {@code slipway tokens revoke}) stops working here within the
 * TTL. Secrets are never logged nor put in exception messages.
 *
 * <p>Thread-safe.
 */
public final class Tokens {

    /** How long {@link #verify} trusts a token it found, unless told otherwise. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);

    /** The longest cache TTL allowed: a revoked token must stop working soon. */
    public static final Duration MAX_CACHE_TTL = Duration.ofMinutes(1);

    /** What every secret starts with, so that it can be recognized (e.g. by secret scanners). */
    public static final String SECRET_PREFIX = "slw_";

    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = SECRET_PREFIX.length() + 43;
    private static final Pattern SECRET_BODY = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int ID_BYTES = 6;
    private static final int MAX_CACHED = 10_000;

    /** A token found by {@link #verify}, trusted from {@code at} for the cache TTL. */
    private record Cached(ApiToken token, Instant at) {}

    private final MetadataStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /** Tokens in {@code home}'s metadata store, with the default cache TTL of 5 s. */
    public Tokens(SlipwayHome home, Clock clock, SecureRandom random) {
        this(home, clock, random, DEFAULT_CACHE_TTL);
    }

    /**
     * Tokens in {@code home}'s metadata store.
     *
     * @param clock gives creation times and measures the cache TTL
     * @param random makes secrets and ids
     * @param cacheTtl how long {@link #verify} trusts a token it found without asking the database
     *     again; zero to ask every time
     * @throws IllegalArgumentException when {@code cacheTtl} is negative or over {@link
     *     #MAX_CACHE_TTL}
     */
    public Tokens(SlipwayHome home, Clock clock, SecureRandom random, Duration cacheTtl) {
        this.store = Objects.requireNonNull(home, "home").metadata();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException(
                    "the token cache TTL must be between 0 and %s, not %s"
                            .formatted(MAX_CACHE_TTL, cacheTtl));
        }
    }

    /**
     * Creates a token; the returned secret is the only copy there will ever be.
     *
     * @param name 1 to 64 ASCII letters, digits, {@code -}, {@code _} or {@code .}; unique
     * @param scopes what the token may do; at least one
     * @throws InvalidInputException when the name is not valid or there are no scopes
     * @throws ConflictException when a token has that name already
     */
    public CreatedToken create(String name, Set<Scope> scopes) {
        requireValidName(name);
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw InvalidInputException.of(
                    "scope",
                    "token '%s' needs at least one scope: give %s (admin includes predict)"
                            .formatted(name, Scope.labels()));
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret =
                SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = sha256(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiToken token =
                store.inTransaction(
                        "create API token " + name,
                        c -> {
                            Optional<TokenRows.Row> same = TokenRows.byName(c, name);
                            if (same.isPresent()) {
                                ApiToken t = same.get().token();
                                throw new ConflictException(
                                        "an API token named '%s' already exists (id %s, created %s): choose another name, or revoke that one first with 'slipway tokens revoke %s'"
                                                .formatted(name, t.id(), t.createdAt(), name));
                            }
                            String id = newId();
                            while (TokenRows.byId(c, id).isPresent()) {
                                id = newId();
                            }
                            ApiToken t = new ApiToken(id, name, scopes, now);
                            TokenRows.insert(c, t, hash);
                            return t;
                        });
        return new CreatedToken(secret, token);
    }

    /**
     * The token whose secret is {@code secret}, if there is one; empty for anything else, including
     * text that is not shaped like a secret (answered without asking the database).
     */
    public Optional<ApiToken> verify(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (!looksLikeSecret(secret)) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        Instant now = clock.instant();
        Cached hit = cache.get(hash);
        if (hit != null && !now.isBefore(hit.at()) && now.isBefore(hit.at().plus(cacheTtl))) {
            return Optional.of(hit.token());
        }
        Optional<ApiToken> found =
                store.read("verify an API token", c -> TokenRows.byHash(c, hash))
                        .map(TokenRows.Row::token);
        if (found.isPresent() && cacheTtl.isPositive()) {
            remember(hash, new Cached(found.get(), now));
        } else {
            cache.remove(hash);
        }
        return found;
    }

    /** Every token, oldest first, without secrets. */
    public List<ApiToken> list() {
        return store.read("list API tokens", TokenRows::all).stream()
                .map(TokenRows.Row::token)
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::name))
                .toList();
    }

    /**
     * The token named {@code nameOrId}, else the one with that id.
     *
     * @throws ConflictException when it is the name of one token and the id of another, saying how
     *     to name each
     */
    public Optional<ApiToken> find(String nameOrId) {
        Objects.requireNonNull(nameOrId, "nameOrId");
        return store.read("find API token " + nameOrId, c -> TokenRows.find(c, nameOrId))
                .map(TokenRows.Row::token);
    }

    /**
     * Deletes the token named {@code nameOrId}, else the one with that id: it stops working at once
     * here, and within the cache TTL in other processes.
     *
     * @return whether there was such a token
     * @throws ConflictException as {@link #find}
     */
    public boolean revoke(String nameOrId) {
        Objects.requireNonNull(nameOrId, "nameOrId");
        Optional<TokenRows.Row> revoked =
                store.inTransaction(
                        "revoke API token " + nameOrId,
                        c -> {
                            Optional<TokenRows.Row> row = TokenRows.find(c, nameOrId);
                            if (row.isPresent()) {
                                TokenRows.delete(c, row.get().token().id());
                            }
                            return row;
                        });
        revoked.ifPresent(r -> cache.remove(r.hash()));
        return revoked.isPresent();
    }

    /**
     * Checks a token name: 1 to 64 ASCII letters, digits, {@code -}, {@code _} or {@code .}.
     *
     * @throws InvalidInputException saying what is allowed
     */
    public static void requireValidName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw InvalidInputException.of(
                    "token name",
                    "'%s' is not a valid token name: use 1 to 64 ASCII letters, digits, '-', '_' or '.', e.g. 'ci-deploy'"
                            .formatted(name));
        }
    }

    private void remember(String hash, Cached entry) {
        if (cache.size() >= MAX_CACHED) {
            Instant now = entry.at();
            cache.values().removeIf(c -> !now.isBefore(c.at().plus(cacheTtl)));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(hash, entry);
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean looksLikeSecret(String s) {
        return s.length() == SECRET_LENGTH
                && s.startsWith(SECRET_PREFIX)
                && SECRET_BODY.matcher(s).region(SECRET_PREFIX.length(), s.length()).matches();
    }

    /** The lowercase hex SHA-256 of the secret's UTF-8 bytes, as stored. */
    static String sha256(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
