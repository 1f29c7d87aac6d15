package dev.slipway.serve.log;

import dev.slipway.api.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one Parquet part of the prediction log through an in-memory DuckDB: rows go into a table
 * by the appender, the table is copied to a hidden file beside the final one, and the file is
 * renamed into place, so that readers never see a partial file. Confined to the writer thread.
 */
final class PartWriter implements AutoCloseable {

    private static final String TABLE = "log_part";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Shared by every log in the process, so that two logs on one folder never collide. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final Clock clock;
    private final long pid = ProcessHandle.current().pid();
    private Connection connection;

    private PartWriter(Path dir, Clock clock, Connection connection) {
        this.dir = dir;
        this.clock = clock;
        this.connection = connection;
    }

    /** A writer into {@code dir}, with its DuckDB started (so that a broken engine fails here). */
    static PartWriter open(Path dir, Clock clock) {
        return new PartWriter(dir, clock, connect());
    }

    /**
     * Writes {@code entries} (all of {@code model}, of rows dated {@code date} in UTC, of one
     * layout) as one file; returns its path.
     *
     * @throws StoreException when the folder, the engine or the file system fails
     */
    Path write(String model, LocalDate date, LogLayout layout, List<LoggedPrediction> entries) {
        Path folder = dir.resolve(model).resolve("date=" + date);
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            Path target = freeName(folder);
            tmp = folder.resolve("." + target.getFileName() + ".tmp");
            Connection c = connection();
            try {
                try (Statement s = c.createStatement()) {
                    s.execute(layout.createTable(TABLE));
                }
                try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(TABLE)) {
                    for (LoggedPrediction p : entries) {
                        layout.append(a, p);
                    }
                    // close() would swallow a failure of the last flush.
                    a.flush();
                }
                try (Statement s = c.createStatement()) {
                    s.execute(
                            "COPY %s TO %s (FORMAT parquet, COMPRESSION zstd)"
                                    .formatted(TABLE, literal(tmp.toString())));
                    s.execute("DROP TABLE " + TABLE);
                }
            } catch (SQLException e) {
                // Start afresh next time: the engine may be in a state it cannot leave.
                closeConnection();
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new StoreException(
                    "cannot write %d prediction log entries of model %s to %s: %s"
                            .formatted(entries.size(), model, folder, e.getMessage()),
                    e);
        }
    }

    @Override
    public void close() {
        closeConnection();
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private Path freeName(Path folder) {
        String stamp = STAMP.format(clock.instant());
        while (true) {
            Path p =
                    folder.resolve(
                            "part-%s-%d-%d.parquet"
                                    .formatted(stamp, pid, SEQUENCE.incrementAndGet()));
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = connect();
        }
        return connection;
    }

    private static Connection connect() {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                // A background writer: one thread, bounded memory.
                s.execute("SET threads=1");
                s.execute("SET memory_limit='512MB'");
                s.execute("SET preserve_insertion_order=true");
                s.execute("SET TimeZone='UTC'");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot start the DuckDB engine for the prediction log: " + e.getMessage(), e);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                PredictionLog.LOGGER.log(
                        System.Logger.Level.DEBUG, "closing the prediction log engine failed", e);
            }
            connection = null;
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                PredictionLog.LOGGER.log(
                        System.Logger.Level.DEBUG, "cannot delete the partial file " + p, e);
            }
        }
    }
}
