package dev.slipway.serve.log;

import dev.slipway.api.StoreException;
import dev.slipway.api.model.Signature;
import java.io.IOException;
import java.lang.System.Logger.Level;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes the Parquet parts of the prediction log through an in-memory DuckDB: rows are staged into
 * one table per file-to-be by the appender (off the Java heap), and at each commit every table is
 * copied to a hidden file beside the final one, which is then renamed into place, so that readers
 * never see a partial file. Confined to the writer thread.
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
    private final Map<Key, Staged> staged = new LinkedHashMap<>();
    private Connection connection;
    private int tables;
    private long lostOnReset;

    /** One file to be: a model, a UTC date and a signature. */
    private record Key(String model, LocalDate date, Signature signature) {}

    /** A staging table, its columns and the rows in it. */
    private static final class Staged {
        final String table;
        final LogLayout layout;
        long rows;

        Staged(String table, LogLayout layout) {
            this.table = table;
            this.layout = layout;
        }
    }

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
     * Appends {@code entries} (all of {@code model}, of rows dated {@code date} in UTC, of one
     * signature) to the staging table of their file, in DuckDB's memory, off the Java heap. The
     * rows reach a file at the next {@link #commit}.
     *
     * @return the rows lost: 0, or when appending fails these entries' rows and those staged
     *     earlier for the same file (the failure is logged)
     */
    long stage(String model, LocalDate date, Signature signature, List<LoggedPrediction> entries) {
        Key key = new Key(model, date, signature);
        long rows = entries.stream().mapToLong(LoggedPrediction::rows).sum();
        Staged st = staged.get(key);
        try {
            Connection c = connection();
            if (st == null) {
                st = new Staged(TABLE + "_" + (++tables), LogLayout.of(signature));
                try (Statement s = c.createStatement()) {
                    s.execute(st.layout.createTable(st.table));
                }
                staged.put(key, st);
            }
            try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(st.table)) {
                for (LoggedPrediction p : entries) {
                    st.layout.append(a, p);
                }
                // close() would swallow a failure of the last flush.
                a.flush();
            }
            st.rows += rows;
            return 0;
        } catch (SQLException | RuntimeException e) {
            long lost = rows + (st == null ? 0 : st.rows);
            staged.remove(key);
            // Start afresh: the engine may be in a state it cannot leave.
            closeConnection();
            lostAll(e);
            PredictionLog.LOGGER.log(
                    Level.ERROR,
                    "dropped %d prediction log rows of model %s dated %s: %s"
                            .formatted(lost, model, date, e.getMessage()),
                    e);
            return lost;
        }
    }

    /** The rows staged and not yet in a file. */
    long stagedRows() {
        return staged.values().stream().mapToLong(st -> st.rows).sum();
    }

    /** What a {@link #commit} did: rows now in files, and rows lost because a file failed. */
    record Committed(long written, long failed) {}

    /**
     * Writes every staging table to its own file (hidden, then renamed into place) and empties it;
     * a file that fails costs only its own rows, which are logged.
     */
    Committed commit() {
        long written = 0;
        long failed = 0;
        for (Map.Entry<Key, Staged> e : List.copyOf(staged.entrySet())) {
            Key key = e.getKey();
            Staged st = e.getValue();
            staged.remove(key);
            try {
                write(key, st);
                written += st.rows;
            } catch (StoreException ex) {
                failed += st.rows;
                PredictionLog.LOGGER.log(
                        Level.ERROR,
                        "dropped %d prediction log rows of model %s dated %s: %s"
                                .formatted(st.rows, key.model(), key.date(), ex.getMessage()),
                        ex);
            }
        }
        return new Committed(written, failed);
    }

    private void write(Key key, Staged st) {
        Path folder = dir.resolve(key.model()).resolve("date=" + key.date());
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            Path target = freeName(folder);
            tmp = folder.resolve("." + target.getFileName() + ".tmp");
            Connection c = connection();
            try (Statement s = c.createStatement()) {
                s.execute(
                        "COPY %s TO %s (FORMAT parquet, COMPRESSION zstd)"
                                .formatted(st.table, literal(tmp.toString())));
                s.execute("DROP TABLE " + st.table);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(tmp);
            dropQuietly(st.table);
            throw new StoreException(
                    "cannot write %d prediction log rows of model %s to %s: %s"
                            .formatted(st.rows, key.model(), folder, e.getMessage()),
                    e);
        }
    }

    /** Forgets every staged row after the engine failed (the caller counts them). */
    private void lostAll(Exception cause) {
        long lost = stagedRows();
        if (lost > 0) {
            PredictionLog.LOGGER.log(
                    Level.ERROR,
                    "dropped %d staged prediction log rows when the engine failed: %s"
                            .formatted(lost, cause.getMessage()));
            lostOnReset += lost;
        }
        staged.clear();
    }

    /** Rows lost because the engine had to be restarted, taken by the caller. */
    long takeLostOnReset() {
        long l = lostOnReset;
        lostOnReset = 0;
        return l;
    }

    private void dropQuietly(String table) {
        if (connection == null) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            PredictionLog.LOGGER.log(Level.DEBUG, "cannot drop the staging table " + table, e);
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
