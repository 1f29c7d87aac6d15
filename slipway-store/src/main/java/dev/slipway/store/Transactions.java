package dev.slipway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts and ends transactions on a pooled connection, per dialect.
 *
 * <p>SQLite transactions are opened with explicit {@code BEGIN IMMEDIATE} (writes) or {@code BEGIN
 * DEFERRED} (reads) on a connection left in JDBC auto-commit mode: the driver's {@code commit()}
 * and {@code rollback()} open the next transaction at once, which would take the write lock again
 * and make a read transaction upgrade to a write one. PostgreSQL uses plain JDBC transactions;
 * reads run read-only at REPEATABLE READ so that they see one snapshot.
 */
final class Transactions {

    private Transactions() {}

    static void begin(Connection c, Dialect dialect, boolean readOnly) throws SQLException {
        switch (dialect) {
            case SQLITE -> {
                if (readOnly) {
                    execute(c, "PRAGMA query_only = 1");
                }
                execute(c, readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
            }
            case POSTGRESQL -> {
                if (readOnly) {
                    c.setReadOnly(true);
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                }
                c.setAutoCommit(false);
            }
        }
    }

    static void commit(Connection c, Dialect dialect) throws SQLException {
        switch (dialect) {
            case SQLITE -> execute(c, "COMMIT");
            case POSTGRESQL -> c.commit();
        }
    }

    /** Rolls back after {@code cause}; returns whether the connection is fit for reuse. */
    static boolean rollback(Connection c, Dialect dialect, Throwable cause) {
        try {
            switch (dialect) {
                case SQLITE -> execute(c, "ROLLBACK");
                case POSTGRESQL -> c.rollback();
            }
            return true;
        } catch (SQLException e) {
            // SQLite rolls back by itself on some errors, then there is nothing left to undo.
            if (dialect == Dialect.SQLITE
                    && String.valueOf(e.getMessage()).contains("no transaction is active")) {
                return true;
            }
            cause.addSuppressed(e);
            return false;
        }
    }

    /** Puts the connection back in its pooled state; returns whether that worked. */
    static boolean end(Connection c, Dialect dialect, boolean readOnly) {
        try {
            switch (dialect) {
                case SQLITE -> {
                    if (readOnly) {
                        execute(c, "PRAGMA query_only = 0");
                    }
                }
                case POSTGRESQL -> {
                    c.setAutoCommit(true);
                    if (readOnly) {
                        c.setReadOnly(false);
                        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
