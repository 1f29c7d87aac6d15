package dev.slipway.store;

import dev.slipway.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the metadata store lives: a SQLite file or a PostgreSQL database.
 *
 * <p>Immutable. {@link #describe()} is the form to show to people: it never contains a password.
 */
public sealed interface StoreLocation {

    /** The JDBC URL prefix of a SQLite location. */
    String SQLITE_PREFIX = "jdbc:sqlite:";

    /** The JDBC URL prefix of a PostgreSQL location. */
    String POSTGRES_PREFIX = "jdbc:postgresql://";

    /** The file name of the metadata store inside a home folder, unless told otherwise. */
    String DEFAULT_FILE_NAME = "slipway.db";

    /**
     * Parses the {@code --db} option.
     *
     * @param dbOption the option's value; empty or blank when the option was not given
     * @param home the home folder, whose {@code slipway.db} is used when {@code dbOption} is empty
     * @throws InvalidInputException when the value is neither a SQLite nor a PostgreSQL JDBC URL
     */
    static StoreLocation parse(String dbOption, Path home) {
        Objects.requireNonNull(dbOption, "dbOption");
        Objects.requireNonNull(home, "home");
        String value = dbOption.strip();
        if (value.isEmpty()) {
            return new Sqlite(home.resolve(DEFAULT_FILE_NAME));
        }
        if (value.startsWith(SQLITE_PREFIX)) {
            String file = value.substring(SQLITE_PREFIX.length());
            if (file.isBlank() || file.startsWith(":memory:") || file.contains("?")) {
                throw InvalidInputException.of(
                        "--db",
                        "'%s' does not name a SQLite file: give a file path after jdbc:sqlite:,"
                                        .formatted(value)
                                + " without query options, e.g. jdbc:sqlite:/srv/slipway/slipway.db");
            }
            return new Sqlite(Path.of(file));
        }
        if (value.startsWith(POSTGRES_PREFIX) && value.length() > POSTGRES_PREFIX.length()) {
            return new Postgres(value);
        }
        throw InvalidInputException.of(
                "--db",
                ("'%s' is not a database Slipway can use. Accepted forms: jdbc:sqlite:PATH"
                                + " (e.g. jdbc:sqlite:/srv/slipway/slipway.db) or"
                                + " jdbc:postgresql://HOST[:PORT]/DATABASE[?user=U&password=P]"
                                + " (e.g. jdbc:postgresql://db.example.org:5432/slipway?user=slipway);"
                                + " leave --db out to use slipway.db in the home folder")
                        .formatted(Redaction.redact(value)));
    }

    /** The JDBC URL to connect with; may contain a password, so never show it. */
    String jdbcUrl();

    /**
     * A description for messages and logs, e.g. {@code SQLite database
     * /home/a/.slipway/slipway.db}.
     */
    String describe();

    /** The SQL dialect spoken at this location. */
    Dialect dialect();

    /**
     * A SQLite database file.
     *
     * @param file the database file; made absolute and normalized
     */
    record Sqlite(Path file) implements StoreLocation {
        public Sqlite {
            file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        }

        @Override
        public String jdbcUrl() {
            return SQLITE_PREFIX + file;
        }

        @Override
        public String describe() {
            return "SQLite database " + file;
        }

        @Override
        public Dialect dialect() {
            return Dialect.SQLITE;
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://} URL; may carry {@code user}, {@code password} and
     *     {@code currentSchema} parameters
     */
    record Postgres(String jdbcUrl) implements StoreLocation {
        private static final Pattern CURRENT_SCHEMA =
                Pattern.compile("[?&]currentSchema=([^&,]+)", Pattern.CASE_INSENSITIVE);

        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith(POSTGRES_PREFIX)) {
                throw InvalidInputException.of(
                        "--db",
                        "'%s' is not a PostgreSQL JDBC URL: it must start with %s, e.g. %s"
                                .formatted(
                                        Redaction.redact(jdbcUrl),
                                        POSTGRES_PREFIX,
                                        "jdbc:postgresql://localhost:5432/slipway"));
            }
        }

        /** The first schema of the {@code currentSchema} URL parameter, when there is one. */
        public Optional<String> currentSchema() {
            var m = CURRENT_SCHEMA.matcher(jdbcUrl);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        @Override
        public String describe() {
            return "PostgreSQL database " + Redaction.redact(jdbcUrl);
        }

        @Override
        public Dialect dialect() {
            return Dialect.POSTGRESQL;
        }

        /** Same as {@link #describe()}: the URL may hold a password. */
        @Override
        public String toString() {
            return describe();
        }
    }
}
