package dev.slipway.store;

import dev.slipway.api.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Opens new JDBC connections to one location, set up the way Slipway needs them. Thread-safe. */
final class Connector {

    /** How long a SQLite write waits for another writer (in this or another process). */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    private final StoreLocation location;

    Connector(StoreLocation location) {
        this.location = location;
    }

    StoreLocation location() {
        return location;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    Connection open() {
        return switch (location) {
            case StoreLocation.Sqlite sqlite -> openSqlite(sqlite);
            case StoreLocation.Postgres postgres -> openPostgres(postgres);
        };
    }

    private static Connection openSqlite(StoreLocation.Sqlite sqlite) {
        Path parent = sqlite.file().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot create the folder %s for the %s: %s. Check that the path is a folder you can write to, or pass another --db"
                            .formatted(parent, sqlite.describe(), e),
                    e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            return config.createConnection(sqlite.jdbcUrl());
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot open the %s: %s. %s"
                            .formatted(sqlite.describe(), Errors.detail(e), sqliteHint(e)),
                    e);
        }
    }

    private static String sqliteHint(SQLException e) {
        SQLiteErrorCode code =
                e instanceof SQLiteException s ? s.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
        return switch (code) {
            case SQLITE_NOTADB ->
                    "The file is not a SQLite database: move it away or pass another --db";
            case SQLITE_BUSY, SQLITE_LOCKED ->
                    "Another process holds the database locked: try again when it is done";
            default ->
                    "Check that the file and its folder exist and are writable by this user, or pass another --db";
        };
    }

    private static Connection openPostgres(StoreLocation.Postgres postgres) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "slipway");
        try {
            Connection c = new org.postgresql.Driver().connect(postgres.jdbcUrl(), properties);
            if (c == null) {
                throw new StoreException(
                        "the PostgreSQL driver does not accept the URL of the %s: check its form, e.g. jdbc:postgresql://localhost:5432/slipway"
                                .formatted(postgres.describe()));
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot connect to the %s: %s. %s"
                            .formatted(postgres.describe(), Errors.detail(e), postgresHint(e)),
                    e);
        }
    }

    private static String postgresHint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "Check that the server is running and accepts TCP connections at that host and"
                    + " port, or pass another --db";
        }
        if (state.startsWith("28")) {
            return "Check the user and password in the URL (user=...&password=...) and the"
                    + " server's pg_hba.conf";
        }
        if (state.equals("3D000")) {
            return "Create the database first (e.g. createdb) or name an existing one in the URL";
        }
        return "Check the URL, the server's log, and that the user may connect to that database";
    }
}
