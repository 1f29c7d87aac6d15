package dev.slipway.store;

import dev.slipway.api.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small bounded pool of connections to one location. Thread-safe.
 *
 * <p>Connections are opened lazily, at most {@code size} at once; a caller that finds them all in
 * use waits up to {@link #WAIT_SECONDS}. A connection given back as unhealthy is closed instead of
 * reused.
 */
final class ConnectionPool implements AutoCloseable {

    static final long WAIT_SECONDS = 120;

    private final Connector connector;
    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(Connector connector, int size) {
        this.connector = connector;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** A connection in auto-commit mode; give it back with {@link #giveBack}. */
    Connection borrow() {
        checkOpen();
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreException(
                        "all %d connections to the %s stayed in use for %d s: a transaction is stuck or the work is too slow; try again"
                                .formatted(size, connector.location().describe(), WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(
                    "interrupted while waiting for a connection to the "
                            + connector.location().describe(),
                    e);
        }
        try {
            checkOpen();
            Connection c = idle.pollFirst();
            return c != null ? c : connector.open();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a borrowed connection; an unhealthy one, or any after close, is closed. */
    void giveBack(Connection c, boolean healthy) {
        try {
            if (healthy && !closed) {
                idle.addFirst(c);
                if (closed && idle.remove(c)) {
                    closeQuietly(c);
                }
            } else {
                closeQuietly(c);
            }
        } finally {
            permits.release();
        }
    }

    /** Closes the idle connections; connections in use are closed when given back. */
    @Override
    public void close() {
        closed = true;
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            closeQuietly(c);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "the metadata store " + connector.location().describe() + " is closed");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // The connection is discarded either way.
        }
    }
}
