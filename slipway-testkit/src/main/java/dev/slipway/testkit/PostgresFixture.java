package dev.slipway.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty schema in the local test PostgreSQL, dropped with everything in it on close.
 *
 * <p>The server is {@value #DEFAULT_URL} (user postgres, trust authentication) unless the
 * environment variable {@value #URL_ENV} gives another JDBC URL. When the server cannot be reached
 * the test is skipped, except under CI ({@code CI=true}) where it fails: CI must run the PostgreSQL
 * tests. Not thread-safe; one per test.
 */
public final class PostgresFixture implements AutoCloseable {

    /** The server used unless {@value #URL_ENV} says otherwise. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** The environment variable that overrides {@link #DEFAULT_URL}. */
    public static final String URL_ENV = "SLIPWAY_TEST_PG_URL";

    private final String serverUrl;
    private final String schema;
    private boolean closed;

    private PostgresFixture(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    /**
     * Creates a new schema with a random name; skips the calling test (or fails it under CI) when
     * the server cannot be reached.
     */
    public static PostgresFixture create() {
        String url = serverUrl();
        String schema =
                "slipway_test_"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                                .toLowerCase(Locale.ROOT);
        Connection c;
        try {
            c = connect(url);
        } catch (SQLException e) {
            throw unavailable(url, e);
        }
        try (c;
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + url, e);
        }
        return new PostgresFixture(url, schema);
    }

    /** The server's JDBC URL, without a schema. */
    public static String serverUrl() {
        String env = System.getenv(URL_ENV);
        return env == null || env.isBlank() ? DEFAULT_URL : env.strip();
    }

    /** The JDBC URL of the schema: the server's URL with {@code currentSchema} set. */
    public String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** A new connection to the schema, for checks outside the code under test; close it. */
    public Connection connect() throws SQLException {
        return connect(jdbcUrl());
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection c = connect(serverUrl);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema + " at " + serverUrl, e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "slipway-tests");
        Connection c = new org.postgresql.Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return c;
    }

    private static RuntimeException unavailable(String url, SQLException e) {
        String where =
                "PostgreSQL at %s (set %s to use another server)".formatted(redact(url), URL_ENV);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail(
                    "CI needs " + where + ", but it cannot be reached: " + e.getMessage(), e);
        }
        String reason = "skipped: " + where + " cannot be reached: " + e.getMessage();
        System.err.println(reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable", e);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }
}
