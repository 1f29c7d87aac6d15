package dev.slipway.store;

import dev.slipway.api.SlipwayException;
import dev.slipway.api.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The metadata store: datasets, versions and everything else Slipway records, in SQLite or
 * PostgreSQL, at the schema version of this build (migrated with Flyway on {@link #open}).
 *
 * <p>Thread-safe. Connections come from a small bounded pool (4 at most): a PostgreSQL connection
 * costs a network handshake and a SQLite one a file open and its pragmas, so reusing them keeps
 * short transactions cheap, while the bound keeps a busy server from exhausting PostgreSQL's
 * connection limit (SQLite admits one writer at a time anyway). Several processes may use the same
 * SQLite file: its write transactions start with {@code BEGIN IMMEDIATE} and wait up to 30 s for
 * another writer instead of failing, and it runs in WAL mode so readers do not block writers.
 *
 * <p>A transaction must not start another one on the same store from the same thread: pass the
 * {@link Connection} down instead.
 */
public final class MetadataStore implements AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final StoreLocation location;
    private final ConnectionPool pool;
    private final int schemaVersion;
    private final ThreadLocal<Boolean> inWork = ThreadLocal.withInitial(() -> false);

    private MetadataStore(StoreLocation location, ConnectionPool pool, int schemaVersion) {
        this.location = location;
        this.pool = pool;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Connects to {@code location} and migrates it to this build's schema.
     *
     * @throws dev.slipway.api.StoreException when the database cannot be reached or opened, saying
     *     which one and what to check
     * @throws dev.slipway.api.IncompatibleFormatException when the database was migrated by a newer
     *     Slipway
     */
    public static MetadataStore open(StoreLocation location) {
        Objects.requireNonNull(location, "location");
        Connector connector = new Connector(location);
        ConnectionPool pool = new ConnectionPool(connector, POOL_SIZE);
        try {
            // Connect once before Flyway does, for the clearer error when that fails.
            pool.giveBack(pool.borrow(), true);
            return new MetadataStore(location, pool, Migrations.migrate(connector));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Runs {@code work} in a write transaction; same as {@code inTransaction("a write transaction",
     * work)}.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction("a write transaction", work);
    }

    /**
     * Runs {@code work} in a write transaction: committed when it returns, rolled back when it
     * throws.
     *
     * @param operation what the work does, for error messages, e.g. {@code "saving dataset adult"}
     * @throws StoreException wrapping an {@link SQLException}, naming the database and operation; a
     *     {@link SlipwayException} or other unchecked exception from the work passes unchanged
     */
    public <T> T inTransaction(String operation, SqlWork<T> work) {
        return run(operation, work, false);
    }

    /**
     * Runs {@code work} in a read-only transaction; same as {@code read("a read transaction",
     * work)}.
     */
    public <T> T read(SqlWork<T> work) {
        return read("a read transaction", work);
    }

    /**
     * Runs {@code work} in a read-only transaction that sees one consistent snapshot. Writing from
     * it fails.
     *
     * @param operation what the work does, for error messages
     * @throws StoreException as {@link #inTransaction(String, SqlWork)}
     */
    public <T> T read(String operation, SqlWork<T> work) {
        return run(operation, work, true);
    }

    /** The SQL dialect of the database. */
    public Dialect dialect() {
        return location.dialect();
    }

    /** Where the store is. */
    public StoreLocation location() {
        return location;
    }

    /** The schema version the database was at after migration on open. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Which database this is, without passwords, e.g. {@code SQLite database /srv/slipway.db}. */
    public String describe() {
        return location.describe();
    }

    /** Closes the pooled connections; transactions still running finish first on their own. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "MetadataStore[" + describe() + "]";
    }

    private <T> T run(String operation, SqlWork<T> work, boolean readOnly) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(work, "work");
        if (inWork.get()) {
            throw new IllegalStateException(
                    "a transaction on the %s was started inside another one on the same thread (while %s): pass the Connection down instead"
                            .formatted(describe(), operation));
        }
        Dialect dialect = dialect();
        Connection c = pool.borrow();
        inWork.set(true);
        boolean reusable = true;
        try {
            Transactions.begin(c, dialect, readOnly);
            try {
                T result = work.apply(c);
                Transactions.commit(c, dialect);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                reusable = Transactions.rollback(c, dialect, e) && isValid(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "%s failed on the %s: %s%s"
                            .formatted(
                                    operation,
                                    describe(),
                                    Errors.detail(e),
                                    Errors.hint(e, readOnly)),
                    e);
        } finally {
            inWork.set(false);
            reusable = Transactions.end(c, dialect, readOnly) && reusable;
            pool.giveBack(c, reusable);
        }
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
