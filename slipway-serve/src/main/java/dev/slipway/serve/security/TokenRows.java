package dev.slipway.serve.security;

import dev.slipway.api.ConflictException;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code api_tokens} table, inside a transaction given by the caller. */
final class TokenRows {

    /** A stored token with the SHA-256 of its secret. */
    record Row(ApiToken token, String hash) {}

    private static final String COLUMNS = "id, name, token_hash, scopes, created_at";

    private TokenRows() {}

    static void insert(Connection c, ApiToken token, String hash) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "INSERT INTO api_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, token.id());
            s.setString(2, token.name());
            s.setString(3, hash);
            s.setString(4, scopes(token.scopes()));
            s.setString(5, token.createdAt().toString());
            s.executeUpdate();
        }
    }

    static Optional<Row> byHash(Connection c, String hash) throws SQLException {
        return one(c, "token_hash", hash);
    }

    static Optional<Row> byName(Connection c, String name) throws SQLException {
        return one(c, "name", name);
    }

    static Optional<Row> byId(Connection c, String id) throws SQLException {
        return one(c, "id", id);
    }

    /**
     * The token named {@code nameOrId}, else the one with that id; a ConflictException when it is
     * the name of one and the id of another.
     */
    static Optional<Row> find(Connection c, String nameOrId) throws SQLException {
        Optional<Row> named = byName(c, nameOrId);
        Optional<Row> withId = byId(c, nameOrId);
        if (named.isPresent()
                && withId.isPresent()
                && !named.get().token().id().equals(withId.get().token().id())) {
            ApiToken n = named.get().token();
            ApiToken i = withId.get().token();
            throw new ConflictException(
                    "'%s' is both the name of one API token (id %s) and the id of another (named '%s'): give '%s' to mean the first, '%s' to mean the second"
                            .formatted(nameOrId, n.id(), i.name(), n.id(), i.name()));
        }
        return named.or(() -> withId);
    }

    static List<Row> all(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM api_tokens");
    }

    static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM api_tokens WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    /** The scopes column: labels in declaration order, comma-separated, e.g. {@code predict}. */
    static String scopes(Set<Scope> scopes) {
        return scopes.stream().map(Scope::label).collect(Collectors.joining(","));
    }

    private static Optional<Row> one(Connection c, String column, String value)
            throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE " + column + " = ?", value)
                .stream()
                .findFirst();
    }

    private static List<Row> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String label : rs.getString("scopes").split(",", -1)) {
                scopes.add(Scope.parse(label));
            }
            ApiToken token =
                    new ApiToken(
                            id,
                            rs.getString("name"),
                            scopes,
                            Instant.parse(rs.getString("created_at")));
            return new Row(token, rs.getString("token_hash"));
        } catch (InvalidInputException | DateTimeParseException e) {
            throw new CorruptDataException(
                    "api token " + id,
                    "the metadata store's row for API token %s is corrupt: %s. Revoke it with 'slipway tokens revoke %s' and create a new one"
                            .formatted(id, e.getMessage(), id));
        }
    }
}
