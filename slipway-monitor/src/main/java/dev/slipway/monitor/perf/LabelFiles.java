package dev.slipway.monitor.perf;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.StoreException;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The stored labels of one model: Parquet files {@code <home>/labels/<model>/labels-*.parquet}, one
 * per ingest, each appearing whole. Columns: {@code key_column VARCHAR} (the column of the
 * predictions the key refers to), {@code key VARCHAR}, {@code row_index INTEGER} (for request-id
 * keys, else NULL), {@code label VARCHAR}, {@code arrived_at TIMESTAMPTZ}, {@code batch VARCHAR}
 * (the ingest, sorting in arrival order), {@code line BIGINT} (the row in its ingest, from 1). Each
 * file carries the key-value metadata {@code slipway.labels.version}, {@value #VERSION} now.
 */
final class LabelFiles {

    /** The format's name in messages. */
    static final String FORMAT = "slipway.labels";

    /** The metadata key holding the format version of a file. */
    static final String VERSION_KEY = "slipway.labels.version";

    /** The newest format version this build writes and reads. */
    static final int VERSION = 1;

    private static final String EMPTY =
            "(SELECT CAST(NULL AS VARCHAR) AS key_column, CAST(NULL AS VARCHAR) AS key, CAST(NULL AS INTEGER) AS row_index, CAST(NULL AS VARCHAR) AS label, CAST(NULL AS TIMESTAMPTZ) AS arrived_at WHERE false)";

    private LabelFiles() {}

    /** Whether {@code dir} holds at least one label file. */
    static boolean any(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "labels-*.parquet")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            throw new StoreException("cannot list the labels in %s: %s".formatted(dir, e), e);
        }
    }

    /**
     * The current labels in {@code dir}, one per key (the last to arrive), with the columns {@code
     * key_column, key, row_index, label, arrived_at}; an empty relation when there is none.
     *
     * @throws IncompatibleFormatException when a newer Slipway wrote a file
     * @throws CorruptDataException when a file is not a label file
     */
    static String current(MonitorSession session, Path dir) {
        if (!any(dir)) {
            return EMPTY;
        }
        String glob = DuckSql.str(dir.toAbsolutePath().normalize() + "/labels-*.parquet");
        checkVersions(session, dir, glob);
        return ("(SELECT key_column, key, row_index, label, arrived_at FROM read_parquet(%s)"
                        + " QUALIFY row_number() OVER (PARTITION BY key_column, key, row_index"
                        + " ORDER BY arrived_at DESC, batch DESC, line DESC) = 1)")
                .formatted(glob);
    }

    /**
     * Writes {@code table} (columns {@code key, row_index, label, line}) as the label file of one
     * ingest to {@code file}.
     */
    static void write(
            MonitorSession session,
            String table,
            String keyColumn,
            String arrivedAt,
            String batch,
            Path file)
            throws SQLException {
        try (Statement s = session.connection().createStatement()) {
            s.execute(
                    ("COPY (SELECT %s AS key_column, key, row_index, label, %s AS arrived_at, %s AS batch, line"
                                    + " FROM %s ORDER BY line) TO %s (FORMAT parquet, COMPRESSION zstd,"
                                    + " KV_METADATA {%s: %s})")
                            .formatted(
                                    DuckSql.str(keyColumn),
                                    arrivedAt,
                                    DuckSql.str(batch),
                                    table,
                                    DuckSql.str(file.toString()),
                                    DuckSql.str(VERSION_KEY),
                                    DuckSql.str(Integer.toString(VERSION))));
        }
    }

    private static void checkVersions(MonitorSession session, Path dir, String glob) {
        Map<Path, String> versions = new HashMap<>();
        String sql =
                "SELECT file_name, decode(value) FROM parquet_kv_metadata(%s) WHERE decode(key) = %s"
                        .formatted(glob, DuckSql.str(VERSION_KEY));
        try (Statement s = session.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                versions.put(
                        Path.of(rs.getString(1)).toAbsolutePath().normalize(), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new CorruptDataException(
                    dir.toString(),
                    "cannot read the labels in %s: %s; move any file that is not a Slipway label file out of it"
                            .formatted(dir, DuckSql.reason(e)));
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "labels-*.parquet")) {
            for (Path f : files) {
                Path file = f.toAbsolutePath().normalize();
                String version = versions.get(file);
                int found;
                try {
                    found = version == null ? -1 : Integer.parseInt(version.strip());
                } catch (NumberFormatException e) {
                    found = -1;
                }
                if (found < 1) {
                    throw new CorruptDataException(
                            file.toString(),
                            "%s is not a Slipway label file (its metadata has no %s); move it out of %s"
                                    .formatted(file, VERSION_KEY, dir));
                }
                if (found > VERSION) {
                    throw new IncompatibleFormatException(FORMAT, found, VERSION, file.toString());
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the labels in %s: %s".formatted(dir, e), e);
        }
    }
}
