package dev.slipway.data;

import dev.slipway.api.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An in-process DuckDB database for one piece of work, with its memory bounded and its spill files
 * in a private folder, so that files larger than memory stream through without filling the heap.
 * Not thread-safe: one thread uses a session, then closes it.
 */
final class DuckSession implements AutoCloseable {

    private final Connection connection;

    private DuckSession(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens an in-memory DuckDB that spills to {@code spillDir}.
     *
     * @param limits how much memory and how many threads DuckDB may use
     */
    static DuckSession open(Path spillDir, DataLimits limits) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET memory_limit=" + Sql.str(limits.duckdbMemoryMb() + "MB"));
                s.execute("SET threads=" + limits.threads());
                s.execute("SET temp_directory=" + Sql.str(spillDir.toString()));
                s.execute("SET preserve_insertion_order=true");
                s.execute("SET enable_progress_bar=true");
                s.execute("SET enable_progress_bar_print=false");
                s.execute("SET TimeZone='UTC'");
            }
            return new DuckSession(c);
        } catch (SQLException e) {
            throw new StoreException("cannot start the DuckDB engine: " + e.getMessage(), e);
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the DuckDB engine: " + e.getMessage(), e);
        }
    }
}
