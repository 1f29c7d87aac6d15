package dev.slipway.monitor.perf;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.data.DataLimits;
import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionFiles;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.log.Range;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The true labels of a model's predictions, which arrive after them: ingested from a file or from a
 * list of JSON-like rows, kept in the home ({@code <home>/labels/<model>/}, one Parquet file per
 * ingest in a versioned format, each appearing whole), with their arrival time.
 *
 * <p>A label is keyed by a request id or by a column of the predictions (see {@link LabelOptions});
 * when a key is labelled more than once, the last label to arrive wins (within one ingest, the last
 * row). Labels whose key is not (yet) in the prediction log are kept: they may arrive before the
 * log is flushed, and are counted as unmatched.
 *
 * <p>Thread-safe; several processes may ingest into one home at once. Each ingest runs its own
 * DuckDB session.
 */
public final class LabelStore {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    /** Orders the ingests of this process that share a millisecond. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final SlipwayHome home;
    private final DataLimits limits;
    private final Clock clock;

    /**
     * A label store in {@code home}.
     *
     * @param limits the memory and threads each ingest's DuckDB may use
     * @param clock gives the labels' arrival time
     */
    public LabelStore(SlipwayHome home, DataLimits limits, Clock clock) {
        this.home = Objects.requireNonNull(home, "home");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The folder of every model's labels: {@code <home>/labels}. */
    public static Path directory(SlipwayHome home) {
        return home.root().resolve("labels");
    }

    /**
     * Ingests the label rows of {@code file} (CSV with a header, Parquet or JSON lines, by its
     * extension; a CSV's cells are read as text) for {@code model}. Other columns are ignored.
     *
     * @throws InvalidInputException when the file is missing, empty, unreadable or has no rows;
     *     lacks the key or label column (the message lists its columns); or a row has no key or no
     *     label, or a label that does not suit {@link LabelOptions#task()}
     */
    public IngestResult ingest(String model, Path file, LabelOptions options) {
        requireModel(model);
        Objects.requireNonNull(options, "options");
        String scan = PredictionFiles.scanAsText(file);
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            List<DataColumn> columns = PredictionFiles.describe(s, file, scan);
            DataColumn key =
                    PredictionFiles.require(file, columns, options.keyColumn(), "key column");
            DataColumn label =
                    PredictionFiles.require(file, columns, options.labelColumn(), "label column");
            String rowIndex = "NULL";
            if (options.byRequestId()) {
                rowIndex =
                        columns.stream()
                                .filter(c -> c.name().equals(PredictionLogs.ROW_INDEX))
                                .findFirst()
                                .map(
                                        c ->
                                                "coalesce(CAST("
                                                        + DuckSql.id(c.name())
                                                        + " AS INTEGER), 0)")
                                .orElse("0");
            }
            try (Statement st = s.connection().createStatement()) {
                st.execute(
                        "CREATE TABLE incoming AS SELECT %s AS key, %s AS row_index, %s AS label, row_number() OVER () AS line FROM %s"
                                .formatted(
                                        Canonical.sql("", key),
                                        rowIndex,
                                        Canonical.sql("", label),
                                        scan));
            } catch (SQLException e) {
                throw PredictionFiles.unreadable(file, e);
            }
            return store(s, model, file.toString(), "data row", options);
        }
    }

    /**
     * Ingests label rows given as maps from column name to value (text, a number or a boolean), as
     * decoded from JSON, for {@code model}. Other entries are ignored; for request-id keys an entry
     * {@code row_index} gives the row's position in its request.
     *
     * @throws InvalidInputException when there is no row, a row lacks the key or the label, or a
     *     label does not suit {@link LabelOptions#task()}; the message numbers rows from 1
     */
    public IngestResult ingest(
            String model, List<? extends Map<String, ?>> rows, LabelOptions options) {
        requireModel(model);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(options, "options");
        String source = "labels";
        if (rows.isEmpty()) {
            throw InvalidInputException.of(
                    source, "no label rows were given; send at least one label");
        }
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            try (Statement st = s.connection().createStatement()) {
                st.execute(
                        "CREATE TABLE incoming (key VARCHAR, row_index INTEGER, label VARCHAR, line BIGINT)");
            }
            try (DuckDBAppender a =
                    s.connection().unwrap(DuckDBConnection.class).createAppender("incoming")) {
                long line = 0;
                for (Map<String, ?> row : rows) {
                    line++;
                    String key = value(row, options.keyColumn(), line, source);
                    String label = value(row, options.labelColumn(), line, source);
                    a.beginRow().append(key);
                    if (options.byRequestId()) {
                        a.append(rowIndex(row, line, source));
                    } else {
                        a.appendNull();
                    }
                    a.append(label).append(line).endRow();
                }
            }
            return store(s, model, source, "label", options);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot stage the labels of model %s: %s".formatted(model, DuckSql.reason(e)),
                    e);
        }
    }

    /**
     * The current labels of {@code model}, one per key (the last to arrive), as a SQL table
     * expression with the columns {@code key_column VARCHAR} (the column of the predictions the key
     * refers to), {@code key VARCHAR} (its text form), {@code row_index INTEGER} (for request-id
     * keys, else NULL), {@code label VARCHAR} and {@code arrived_at TIMESTAMPTZ}; empty when the
     * model has no labels.
     *
     * @throws dev.slipway.api.IncompatibleFormatException when a newer Slipway wrote a label file
     * @throws dev.slipway.api.CorruptDataException when a file in the folder is not a label file
     */
    public String relation(MonitorSession session, String model) {
        return LabelFiles.current(session, folder(requireModel(model)));
    }

    /** The number of current labels of {@code model}, one per key. */
    public long count(MonitorSession session, String model) {
        try {
            return session.count(relation(session, model));
        } catch (SQLException e) {
            throw readFailure(model, e);
        }
    }

    /**
     * The number of current labels of {@code model} that match no row of {@code data} (all of those
     * keyed by a column {@code data} lacks).
     */
    public long unmatched(MonitorSession session, String model, PredictionTable data) {
        Objects.requireNonNull(data, "data");
        String labels = relation(session, model);
        try {
            long unmatched = 0;
            for (String keyColumn : keyColumns(session, labels)) {
                String only = "l.key_column = " + DuckSql.str(keyColumn);
                Optional<String> on = LabelJoin.condition(data, keyColumn, "d", "l");
                String sql =
                        on.isEmpty()
                                ? "SELECT count(*) FROM %s l WHERE %s".formatted(labels, only)
                                : "SELECT count(*) FROM %s l WHERE %s AND NOT EXISTS (SELECT 1 FROM %s d WHERE %s)"
                                        .formatted(labels, only, data.relation(), on.get());
                try (Statement st = session.connection().createStatement();
                        ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    unmatched += rs.getLong(1);
                }
            }
            return unmatched;
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot match the labels of model %s to the %s: %s"
                            .formatted(model, data.source(), DuckSql.reason(e)),
                    e);
        }
    }

    /** Checks, dedups, counts and writes the rows of table {@code incoming}. */
    private IngestResult store(
            MonitorSession s, String model, String source, String row, LabelOptions options) {
        Path dir = folder(model);
        try {
            long received = s.count("incoming");
            if (received == 0) {
                throw InvalidInputException.of(
                        source, source + ": holds no label rows; give at least one label");
            }
            LabelCheck.check(s, source, row, options);
            try (Statement st = s.connection().createStatement()) {
                st.execute(
                        "CREATE TABLE batch AS SELECT * FROM incoming QUALIFY row_number() OVER (PARTITION BY key, row_index ORDER BY line DESC) = 1");
            }
            long stored = s.count("batch");
            String before = LabelFiles.current(s, dir);
            long earlier;
            try (Statement st = s.connection().createStatement();
                    ResultSet rs =
                            st.executeQuery(
                                    "SELECT count(*) FROM batch b JOIN %s c ON c.key_column = %s AND c.key = b.key AND c.row_index IS NOT DISTINCT FROM b.row_index"
                                            .formatted(before, DuckSql.str(options.keyColumn())))) {
                rs.next();
                earlier = rs.getLong(1);
            }
            Instant arrived = clock.instant();
            String batch =
                    "%s-%d-%06d"
                            .formatted(
                                    STAMP.format(arrived),
                                    ProcessHandle.current().pid(),
                                    SEQUENCE.incrementAndGet());
            String name = "labels-" + batch + ".parquet";
            try (Workspace ws = home.newWorkspace("labels")) {
                Path tmp = ws.path().resolve(name);
                LabelFiles.write(
                        s, "batch", options.keyColumn(), DuckSql.timestamp(arrived), batch, tmp);
                home.publish(tmp, dir.resolve(name));
            }
            long total = count(s, model);
            Path logs = PredictionLogs.directory(home);
            long unmatched =
                    PredictionLogs.exists(logs, model)
                            ? unmatched(
                                    s,
                                    model,
                                    PredictionLogs.read(s, logs, model, Range.all(), List.of()))
                            : total;
            return new IngestResult(
                    model,
                    options.keyColumn(),
                    received,
                    stored,
                    received - stored + earlier,
                    unmatched,
                    total,
                    arrived);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot store the labels of model %s from %s: %s"
                            .formatted(model, source, DuckSql.reason(e)),
                    e);
        }
    }

    private static List<String> keyColumns(MonitorSession session, String labels)
            throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Statement st = session.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT key_column FROM " + labels)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return new ArrayList<>(names);
    }

    private static String value(Map<String, ?> row, String column, long line, String source) {
        if (row == null || !row.containsKey(column)) {
            throw InvalidInputException.at(
                    source,
                    0,
                    Optional.of(column),
                    "%s: label %d has no '%s'; it has %s"
                            .formatted(
                                    source,
                                    line,
                                    column,
                                    row == null ? "nothing" : new TreeSet<>(row.keySet())),
                    null);
        }
        try {
            return Canonical.of(row.get(column))
                    .orElseThrow(
                            () ->
                                    InvalidInputException.at(
                                            source,
                                            0,
                                            Optional.of(column),
                                            "%s: label %d has no value for '%s'; every label row needs its key and its label"
                                                    .formatted(source, line, column),
                                            null));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.at(
                    source,
                    0,
                    Optional.of(column),
                    "%s: label %d: '%s': %s".formatted(source, line, column, e.getMessage()),
                    e);
        }
    }

    private static int rowIndex(Map<String, ?> row, long line, String source) {
        Object v = row.get(PredictionLogs.ROW_INDEX);
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 0) {
            return n.intValue();
        }
        throw InvalidInputException.at(
                source,
                0,
                Optional.of(PredictionLogs.ROW_INDEX),
                "%s: label %d: row_index is %s; give the row's position in its request, 0 or more"
                        .formatted(source, line, v),
                null);
    }

    private Path folder(String model) {
        return directory(home).resolve(model);
    }

    private static String requireModel(String model) {
        if (model == null || !ModelRef.NAME.matcher(model).matches()) {
            throw InvalidInputException.of(
                    "model",
                    "'%s' is not a model name: use letters, digits, '.', '_' or '-' (e.g. adult-income)"
                            .formatted(model));
        }
        return model;
    }

    private static StoreException readFailure(String model, SQLException e) {
        return new StoreException(
                "cannot read the labels of model %s: %s".formatted(model, DuckSql.reason(e)), e);
    }
}
