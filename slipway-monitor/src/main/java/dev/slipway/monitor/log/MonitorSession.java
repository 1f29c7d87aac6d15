package dev.slipway.monitor.log;

import dev.slipway.api.StoreException;
import dev.slipway.data.DataLimits;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An in-process DuckDB database for monitoring work, with its memory bounded, its spill files in a
 * private workspace of the home, and its time zone UTC (so that dates, months and timestamps
 * without a zone are UTC).
 *
 * <p>Not thread-safe: one thread uses a session, then closes it, which deletes its workspace.
 */
public final class MonitorSession implements AutoCloseable {

    private final Connection connection;
    private final Workspace workspace;

    private MonitorSession(Connection connection, Workspace workspace) {
        this.connection = connection;
        this.workspace = workspace;
    }

    /**
     * Opens an in-memory DuckDB that spills to a new workspace of {@code home}.
     *
     * @param limits how much memory and how many threads DuckDB may use
     * @throws StoreException when DuckDB cannot start
     */
    public static MonitorSession open(SlipwayHome home, DataLimits limits) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(limits, "limits");
        Workspace ws = home.newWorkspace("monitor");
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET memory_limit=" + DuckSql.str(limits.duckdbMemoryMb() + "MB"));
                s.execute("SET threads=" + limits.threads());
                s.execute("SET temp_directory=" + DuckSql.str(ws.path().toString()));
                s.execute("SET preserve_insertion_order=true");
                s.execute("SET enable_progress_bar=false");
                s.execute("SET TimeZone='UTC'");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new MonitorSession(c, ws);
        } catch (SQLException e) {
            ws.close();
            throw new StoreException("cannot start the DuckDB engine: " + e.getMessage(), e);
        }
    }

    /** The DuckDB connection; owned by this session, closed with it. */
    public Connection connection() {
        return connection;
    }

    /**
     * The columns of {@code relation} (a table expression, e.g. {@link
     * PredictionTable#relation()}), in order.
     *
     * @throws SQLException when DuckDB cannot plan a query over it
     */
    public List<DataColumn> describe(String relation) throws SQLException {
        List<DataColumn> columns = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (rs.next()) {
                columns.add(new DataColumn(rs.getString(1), rs.getString(2)));
            }
        }
        return columns;
    }

    /**
     * The number of rows of {@code relation}.
     *
     * @throws SQLException when DuckDB cannot read it
     */
    public long count(String relation) throws SQLException {
        return queryLong("SELECT count(*) FROM " + relation);
    }

    /** The first column of the first row of {@code sql}, a number; 0 when it is NULL. */
    long queryLong(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Closes DuckDB and deletes the workspace. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the DuckDB engine: " + e.getMessage(), e);
        } finally {
            workspace.close();
        }
    }
}
