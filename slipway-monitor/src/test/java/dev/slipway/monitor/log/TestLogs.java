package dev.slipway.monitor.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes prediction log files as {@code slipway serve} documents them, with DuckDB: {@code
 * <logs>/<model>/date=YYYY-MM-DD/part-*.parquet}, metadata columns first, then the given inputs and
 * outputs.
 */
public final class TestLogs {

    private static final AtomicInteger PART = new AtomicInteger();

    private TestLogs() {}

    /**
     * One row's SQL values: the metadata columns, then {@code data} (the inputs and outputs, as SQL
     * literals).
     */
    public static String row(
            String requestId, int rowIndex, String time, int version, String data) {
        return "(%s, %d, %s, 'm', %d, 'oip-rest', 250, %s)"
                .formatted(
                        DuckSql.str(requestId),
                        rowIndex,
                        DuckSql.timestamp(Instant.parse(time)),
                        version,
                        data);
    }

    /**
     * Writes {@code rows} as one part file of {@code model}, in the date folder of the first row's
     * time.
     *
     * @param dataColumns the inputs and outputs with their DuckDB types, e.g. {@code x DOUBLE,
     *     label BIGINT}
     * @param date the UTC date of the rows
     */
    public static Path write(
            Path logDir, String model, LocalDate date, String dataColumns, List<String> rows) {
        Path folder = logDir.resolve(model).resolve("date=" + date);
        Path file =
                folder.resolve(
                        "part-%sT000000-1-%d.parquet"
                                .formatted(
                                        date.toString().replace("-", ""), PART.incrementAndGet()));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            Files.createDirectories(folder);
            s.execute(
                    "CREATE TABLE part (request_id VARCHAR, row_index INTEGER, ts TIMESTAMPTZ, model VARCHAR, model_version INTEGER, protocol VARCHAR, latency_us BIGINT, "
                            + dataColumns
                            + ")");
            s.execute("INSERT INTO part VALUES " + String.join(", ", rows));
            s.execute("COPY part TO %s (FORMAT parquet)".formatted(DuckSql.str(file.toString())));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot write the test log " + file, e);
        }
        return file;
    }

    /** The UTC date of an ISO instant. */
    public static LocalDate date(String time) {
        return LocalDate.ofInstant(Instant.parse(time), ZoneOffset.UTC);
    }
}
