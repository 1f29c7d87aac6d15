package dev.slipway.monitor.log;

import dev.slipway.api.InvalidInputException;
import dev.slipway.data.BatchFiles;
import dev.slipway.data.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a plain file of timestamped predictions (CSV with a header, Parquet or JSON lines, told by
 * its extension) as "the current data", like a prediction log: e.g. predictions scored in a batch
 * job, or a monitoring data set. Stateless.
 */
public final class PredictionFiles {

    /**
     * The column every file relation adds: the row's position in the file, from 0. It orders the
     * rows.
     */
    public static final String FILE_ROW = "__file_row";

    private static final String EPOCH = "TIMESTAMPTZ '1970-01-01 00:00:00+00'";

    private PredictionFiles() {}

    /**
     * The rows of {@code file} in {@code range}, its time column turned into a {@code TIMESTAMP
     * WITH TIME ZONE} under the same name, plus {@link #FILE_ROW}. Its row order is the file's.
     *
     * <p>A file without the layout's time column is read when {@code range} has no time bounds: its
     * rows all get the time 1970-01-01T00:00Z (cut it by rows, not by time).
     *
     * @throws InvalidInputException when the file is missing, empty or unreadable, lacks a column
     *     of {@code layout} (the message lists its columns), or its time column holds no times
     */
    public static PredictionTable read(
            MonitorSession session, Path file, FileLayout layout, Range range) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(range, "range");
        String scan = scan(file);
        List<DataColumn> raw = describe(session, file, scan);
        String time = layout.timeColumn();
        boolean timeless =
                raw.stream().noneMatch(c -> c.name().equals(time))
                        && range.from().isEmpty()
                        && range.to().isEmpty();
        DataColumn timeColumn =
                timeless
                        ? new DataColumn(time, "TIMESTAMP WITH TIME ZONE")
                        : require(file, raw, time, "time column");
        for (String out : layout.outputs()) {
            require(file, raw, out, "prediction column");
        }
        if (raw.stream().anyMatch(c -> c.name().equals(FILE_ROW))) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s: the column name %s is reserved for the row's position; rename that column"
                            .formatted(file, FILE_ROW));
        }
        String numbered =
                "SELECT *, row_number() OVER () - 1 AS %s FROM %s"
                        .formatted(DuckSql.id(FILE_ROW), scan);
        // A file without its time column (and no time range asked for) is rows without times:
        // they all get the epoch, so that row windows and whole-file comparisons still work.
        String sql =
                timeless
                        ? "SELECT *, %s AS %s FROM (%s)"
                                .formatted(EPOCH, DuckSql.id(time), numbered)
                        : "SELECT * REPLACE (%s AS %s) FROM (%s)"
                                .formatted(instant(file, timeColumn), DuckSql.id(time), numbered);
        List<String> where = range.conditions(time);
        if (!where.isEmpty()) {
            sql = "SELECT * FROM (%s) WHERE %s".formatted(sql, String.join(" AND ", where));
        }
        if (range.lastRows().isPresent()) {
            sql =
                    "SELECT * FROM (%s) ORDER BY %s DESC LIMIT %d"
                            .formatted(sql, DuckSql.id(FILE_ROW), range.lastRows().getAsLong());
        }
        String relation = "(" + sql + ")";
        if (!timeless) {
            checkTimes(session, file, scan, time, timeColumn.sqlType().equals("VARCHAR"));
        }
        List<DataColumn> columns = describe(session, file, relation);
        List<DataColumn> inputs = new ArrayList<>();
        List<DataColumn> outputs = new ArrayList<>();
        for (String out : layout.outputs()) {
            outputs.add(
                    columns.stream().filter(c -> c.name().equals(out)).findFirst().orElseThrow());
        }
        for (DataColumn c : columns) {
            String n = c.name();
            if (!n.equals(time)
                    && !n.equals(FILE_ROW)
                    && !layout.outputs().contains(n)
                    && !layout.ignored().contains(n)) {
                inputs.add(c);
            }
        }
        return new PredictionTable(
                "file %s (%s)".formatted(file, range.describe()),
                relation,
                time,
                List.of(FILE_ROW),
                columns,
                inputs,
                outputs);
    }

    /**
     * The DuckDB table function that reads {@code file}: {@code read_csv} (header, types sniffed),
     * {@code read_parquet} or {@code read_json} (newline-delimited), by its extension.
     *
     * @throws InvalidInputException when the file is missing, a folder, unreadable or empty, or its
     *     extension names no format
     */
    public static String scan(Path file) {
        return scan(file, false);
    }

    /**
     * As {@link #scan}, except that a CSV's cells are all read as text, so that keys such as {@code
     * 007} stay as written.
     */
    public static String scanAsText(Path file) {
        return scan(file, true);
    }

    private static String scan(Path file, boolean text) {
        Objects.requireNonNull(file, "file");
        check(file);
        String path = DuckSql.str(file.toAbsolutePath().normalize().toString());
        SourceFormat format = BatchFiles.formatOf(file);
        return switch (format) {
            case CSV ->
                    "read_csv(" + path + ", header = true" + (text ? ", all_varchar = true)" : ")");
            case PARQUET -> "read_parquet(" + path + ")";
            case JSONL -> "read_json(" + path + ", format = 'newline_delimited')";
        };
    }

    /**
     * The columns of {@code relation}, which reads {@code file}.
     *
     * @throws InvalidInputException when DuckDB cannot read the file, with its reason
     */
    public static List<DataColumn> describe(MonitorSession session, Path file, String relation) {
        try {
            return session.describe(relation);
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }

    /** An error saying that DuckDB could not read {@code file}, and why. */
    public static InvalidInputException unreadable(Path file, SQLException e) {
        return InvalidInputException.of(
                file.toString(),
                "%s: cannot be read as %s: %s"
                        .formatted(file, BatchFiles.formatOf(file).label(), DuckSql.reason(e)),
                e);
    }

    /**
     * The column {@code name} of {@code file}.
     *
     * @param role what the column is for, e.g. {@code time column}, for the message
     * @throws InvalidInputException when the file has none, listing its columns and any that
     *     differs only by case
     */
    public static DataColumn require(
            Path file, List<DataColumn> columns, String name, String role) {
        Optional<DataColumn> c = columns.stream().filter(x -> x.name().equals(name)).findFirst();
        if (c.isPresent()) {
            return c.get();
        }
        String hint =
                columns.stream()
                        .filter(x -> x.name().equalsIgnoreCase(name))
                        .findFirst()
                        .map(
                                x ->
                                        " ('"
                                                + x.name()
                                                + "' differs only by case: names must match exactly)")
                        .orElse("");
        throw InvalidInputException.at(
                file.toString(),
                0,
                Optional.of(name),
                "%s: has no %s '%s'%s; its columns are %s"
                        .formatted(file, role, name, hint, PredictionLogs.names(columns)),
                null);
    }

    private static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.of(
                    file.toString(),
                    file + ": is a folder; give a file (CSV, Parquet or JSON lines)");
        }
        if (!Files.exists(file)) {
            throw InvalidInputException.of(
                    file.toString(), file + ": no such file; check the path");
        }
        if (!Files.isReadable(file)) {
            throw InvalidInputException.of(
                    file.toString(), file + ": is not readable; check its permissions");
        }
        try {
            if (Files.size(file) == 0) {
                throw InvalidInputException.of(file.toString(), file + ": the file is empty");
            }
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The SQL turning the time column into an instant; timestamps without a zone are UTC. */
    private static String instant(Path file, DataColumn c) {
        String v = DuckSql.id(c.name());
        String type = c.sqlType();
        if (type.equals("TIMESTAMP WITH TIME ZONE") || type.equals("VARCHAR")) {
            return "CAST(" + v + " AS TIMESTAMPTZ)";
        }
        if (type.startsWith("TIMESTAMP") || type.equals("DATE")) {
            return "timezone('UTC', CAST(" + v + " AS TIMESTAMP))";
        }
        throw InvalidInputException.at(
                file.toString(),
                0,
                Optional.of(c.name()),
                "%s: the time column '%s' holds %s values, not times; give a column of timestamps (e.g. 2021-06-01 00:00:00) or dates"
                        .formatted(file, c.name(), type),
                null);
    }

    /** Fails on the first row without a time, or whose text is not a timestamp. */
    private static void checkTimes(
            MonitorSession session, Path file, String scan, String time, boolean text) {
        String v = DuckSql.id(time);
        String bad = v + " IS NULL";
        if (text) {
            bad += " OR TRY_CAST(%s AS TIMESTAMPTZ) IS NULL".formatted(v);
        }
        String sql =
                "SELECT CAST(%s AS VARCHAR), n FROM (SELECT %s, row_number() OVER () AS n FROM %s) WHERE %s LIMIT 1"
                        .formatted(v, v, scan, bad);
        try (Statement s = session.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (rs.next()) {
                String value = rs.getString(1);
                String what =
                        value == null
                                ? "no time in column '%s'; every row needs its time".formatted(time)
                                : "'%s' in the time column '%s' is not a timestamp; write times as 2021-06-01 00:00:00 or 2021-06-01T00:00:00Z"
                                        .formatted(value, time);
                throw InvalidInputException.at(
                        file.toString(),
                        0,
                        Optional.of(time),
                        "%s: data row %d: %s".formatted(file, rs.getLong(2), what),
                        null);
            }
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }
}
