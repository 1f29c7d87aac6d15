package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.Frame;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Streams a file through DuckDB in chunks: the query's result is fetched as it is produced, so
 * memory holds one chunk whatever the file's size. CSV columns are all read as text (a value that
 * is not a number then rejects one row instead of failing the read); JSON columns a model takes
 * too, as JSON values may change type after the rows DuckDB samples. Confined to one thread.
 */
final class BatchReader implements BatchFiles.Reader {

    private final Path file;
    private final SourceFormat format;
    private final Workspace workspace;
    private final Connection connection;
    private final List<ColumnSpec> columns;
    private final List<ColumnSpec> wanted;
    private final int[][] sources;
    private final long total;
    private final int batchSize;
    private Statement statement;
    private ResultSet result;
    private long rowNumber;

    private BatchReader(
            Path file,
            SourceFormat format,
            Workspace workspace,
            Connection connection,
            List<ColumnSpec> columns,
            List<ColumnSpec> wanted,
            int[][] sources,
            long total,
            int batchSize) {
        this.file = file;
        this.format = format;
        this.workspace = workspace;
        this.connection = connection;
        this.columns = columns;
        this.wanted = wanted;
        this.sources = sources;
        this.total = total;
        this.batchSize = batchSize;
    }

    static BatchReader open(
            SlipwayHome home,
            DataLimits limits,
            Path file,
            List<ColumnSpec> wanted,
            int batchSize) {
        SourceReader.checkFile(file);
        SourceFormat format = SourceReader.detect(file);
        Workspace ws = home.newWorkspace("batch-read");
        Connection c = null;
        try {
            c = BatchSql.engine(ws.path(), limits, true);
            String path = Sql.str(file.toString());
            Optional<CsvDialect> dialect =
                    format == SourceFormat.CSV
                            ? Optional.of(
                                    CsvSniffer.sniff(
                                            file, Optional.empty(), '"', Optional.of(true)))
                            : Optional.empty();
            String base =
                    switch (format) {
                        case CSV -> BatchSql.csv(path, dialect.orElseThrow());
                        case PARQUET -> "read_parquet(" + path + ")";
                        case JSONL -> "read_json(" + path + ", format='auto')";
                    };
            List<String> raw = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + base)) {
                while (rs.next()) {
                    raw.add(rs.getString(1));
                    types.add(rs.getString(2));
                }
            } catch (SQLException e) {
                throw DuckErrors.unreadable(file, format, e);
            }
            List<String> names = names(file, dialect.map(CsvDialect::names).orElse(raw));
            int[][] sources = sources(file, names, wanted);
            boolean[] used = new boolean[names.size()];
            for (int[] s : sources) {
                for (int i : s) {
                    used[i] = true;
                }
            }
            List<ColumnSpec> columns = new ArrayList<>();
            List<String> select = new ArrayList<>();
            StringJoiner jsonColumns = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < names.size(); i++) {
                String type = types.get(i);
                if (format == SourceFormat.JSONL) {
                    type = used[i] || BatchCells.kind(type) == DType.STRING ? "VARCHAR" : type;
                    jsonColumns.add(Sql.str(raw.get(i)) + ": " + Sql.str(type));
                }
                columns.add(ColumnSpec.scalar(names.get(i), BatchCells.kind(type)));
                select.add(BatchCells.select(Sql.id(raw.get(i)), type));
            }
            String relation =
                    format == SourceFormat.JSONL
                            ? "read_json(" + path + ", format='auto', columns=" + jsonColumns + ")"
                            : base;
            String query = "SELECT " + String.join(", ", select) + " FROM " + relation;
            long total = BatchSql.count(c, file, format, query, select.size());
            BatchReader r =
                    new BatchReader(
                            file,
                            format,
                            ws,
                            c,
                            List.copyOf(columns),
                            wanted,
                            sources,
                            total,
                            batchSize);
            r.start(query);
            return r;
        } catch (RuntimeException e) {
            closeQuietly(c);
            ws.close();
            throw e;
        }
    }

    private void start(String sql) {
        try {
            statement = connection.createStatement();
            result = statement.executeQuery(sql);
        } catch (SQLException e) {
            throw DuckErrors.unreadable(file, format, e);
        }
    }

    /** The file's column names, stripped, checked to be distinct. */
    private static List<String> names(Path file, List<String> raw) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String n = raw.get(i).strip();
            Integer before = seen.putIfAbsent(n, i);
            if (n.isEmpty() || before != null) {
                throw InvalidInputException.of(
                        file.toString(),
                        "%s: column %d has %s; give each column a distinct, non-empty name"
                                .formatted(
                                        file,
                                        i + 1,
                                        n.isEmpty()
                                                ? "an empty name"
                                                : "the name '%s' of column %d"
                                                        .formatted(n, before + 1)));
            }
            names.add(n);
        }
        return names;
    }

    /** For each wanted spec, the file columns it is read from (one per position). */
    private static int[][] sources(Path file, List<String> names, List<ColumnSpec> wanted) {
        int[][] sources = new int[wanted.size()][];
        List<String> missing = new ArrayList<>();
        for (int w = 0; w < wanted.size(); w++) {
            ColumnSpec spec = wanted.get(w);
            List<String> from = spec.width() == 1 ? List.of(spec.name()) : spec.labels();
            if (spec.width() > 1
                    && (from.isEmpty()
                            || !(spec.dtype() == DType.FP32 || spec.dtype() == DType.FP64))) {
                throw InvalidInputException.of(
                        spec.name(),
                        "input '%s' takes %d %s values per row without column names, which a file's columns cannot give; register the model with feature names"
                                .formatted(spec.name(), spec.width(), spec.dtype()));
            }
            sources[w] = new int[from.size()];
            for (int p = 0; p < from.size(); p++) {
                int i = names.indexOf(from.get(p));
                if (i < 0) {
                    missing.add(from.get(p));
                }
                sources[w][p] = i;
            }
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.at(
                    file.toString(),
                    0,
                    Optional.of(missing.get(0)),
                    "%s has no column%s %s, which the model takes; its columns are %s%s"
                            .formatted(
                                    file,
                                    missing.size() == 1 ? "" : "s",
                                    missing.stream()
                                            .map(m -> "'" + m + "'")
                                            .reduce((a, b) -> a + ", " + b)
                                            .orElse(""),
                                    names,
                                    caseHint(names, missing)),
                    null);
        }
        return sources;
    }

    /** A hint when missing columns are in the file under another case: names are exact. */
    private static String caseHint(List<String> names, List<String> missing) {
        List<String> near = new ArrayList<>();
        for (String m : missing) {
            names.stream()
                    .filter(n -> n.equalsIgnoreCase(m))
                    .findFirst()
                    .ifPresent(n -> near.add("'%s' (the model takes '%s')".formatted(n, m)));
        }
        return near.isEmpty()
                ? ""
                : "; names are case-sensitive, and the file has " + String.join(", ", near);
    }

    @Override
    public List<ColumnSpec> columns() {
        return columns;
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public Optional<BatchFiles.Chunk> next() {
        if (result == null) {
            return Optional.empty();
        }
        int n = columns.size();
        List<BatchColumn> inputs = new ArrayList<>();
        for (ColumnSpec s : wanted) {
            inputs.add(new BatchColumn(s.name(), s.dtype(), s.width(), batchSize));
        }
        List<BatchColumn> raw = new ArrayList<>();
        for (ColumnSpec s : columns) {
            raw.add(new BatchColumn(s.name(), s.dtype(), 1, batchSize));
        }
        Object[] cells = new Object[n];
        long[] rows = new long[batchSize];
        List<BatchFiles.BadRow> rejected = new ArrayList<>();
        int read = 0;
        int good = 0;
        try {
            while (read < batchSize && result.next()) {
                read++;
                rowNumber++;
                for (int i = 0; i < n; i++) {
                    cells[i] = BatchCells.read(result, i + 1, columns.get(i).dtype());
                }
                Optional<String> unfit = fill(inputs, good, cells);
                if (unfit.isPresent()) {
                    rejected.add(
                            new BatchFiles.BadRow(
                                    rowNumber,
                                    unfit.get(),
                                    java.util.Arrays.stream(cells).map(BatchCells::text).toList()));
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    raw.get(i).set(good, 0, cells[i]);
                }
                rows[good++] = rowNumber;
            }
        } catch (SQLException e) {
            throw stopped(e.getMessage());
        }
        if (read == 0) {
            closeResult();
            if (rowNumber != total) {
                throw stopped("the result ended early");
            }
            return Optional.empty();
        }
        int g = good;
        List<Column> in = inputs.stream().map(b -> b.build(g)).toList();
        List<Column> all = raw.stream().map(b -> b.build(g)).toList();
        return Optional.of(
                new BatchFiles.Chunk(
                        new Frame(g, in),
                        new Frame(g, all),
                        java.util.Arrays.copyOf(rows, g),
                        rejected));
    }

    /** The read failed part way: what DuckDB said, with how far it got. */
    private InvalidInputException stopped(String why) {
        return InvalidInputException.of(
                file.toString(),
                "%s: reading stopped after row %d of %d: %s; check that the file is complete and not being written to"
                        .formatted(file, rowNumber, total, DuckErrors.firstReason(why)));
    }

    /** Sets the wanted values of row {@code row}; the reason when one does not fit. */
    private Optional<String> fill(List<BatchColumn> inputs, int row, Object[] cells) {
        for (int w = 0; w < wanted.size(); w++) {
            ColumnSpec spec = wanted.get(w);
            int[] from = sources[w];
            for (int p = 0; p < from.length; p++) {
                String column = columns.get(from[p]).name();
                try {
                    inputs.get(w)
                            .set(row, p, BatchCells.convert(cells[from[p]], spec.dtype(), column));
                } catch (BatchCells.Unfit e) {
                    return Optional.of(e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private void closeResult() {
        try {
            if (result != null) {
                result.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            // the engine is closed next; nothing is left to release
        } finally {
            result = null;
            statement = null;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing after a failure: the first error is the one to report
            }
        }
    }

    @Override
    public void close() {
        closeResult();
        closeQuietly(connection);
        workspace.close();
    }
}
