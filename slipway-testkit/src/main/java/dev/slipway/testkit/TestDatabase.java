package dev.slipway.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A database for one test: a SQLite file in a temporary folder or a fresh PostgreSQL schema.
 *
 * <p>Run the same test against both with
 * {@code @ParameterizedTest @EnumSource(TestDatabase.Kind.class)} and {@link Kind#create(Path)}.
 */
public sealed interface TestDatabase extends AutoCloseable {

    /** The JDBC URL to give the code under test. */
    String jdbcUrl();

    /** Which kind of database this is. */
    Kind kind();

    /** Releases the database (drops the PostgreSQL schema). */
    @Override
    void close();

    /** The kinds of database a metadata store runs on. */
    enum Kind {
        SQLITE,
        POSTGRESQL;

        /**
         * A new, empty database of this kind.
         *
         * @param tempDir the test's temporary folder, for the SQLite file
         */
        public TestDatabase create(Path tempDir) {
            return switch (this) {
                case SQLITE -> new SqliteFile(tempDir.resolve("metadata.db"));
                case POSTGRESQL -> new PostgresSchema(PostgresFixture.create());
            };
        }
    }

    /** A SQLite file, which need not exist yet. */
    record SqliteFile(Path file) implements TestDatabase {
        public SqliteFile {
            file = Objects.requireNonNull(file, "file").toAbsolutePath();
        }

        @Override
        public String jdbcUrl() {
            return "jdbc:sqlite:" + file;
        }

        @Override
        public Kind kind() {
            return Kind.SQLITE;
        }

        @Override
        public void close() {}
    }

    /** A fresh schema in the test PostgreSQL. */
    record PostgresSchema(PostgresFixture fixture) implements TestDatabase {
        public PostgresSchema {
            Objects.requireNonNull(fixture, "fixture");
        }

        @Override
        public String jdbcUrl() {
            return fixture.jdbcUrl();
        }

        @Override
        public Kind kind() {
            return Kind.POSTGRESQL;
        }

        @Override
        public void close() {
            fixture.close();
        }
    }
}
