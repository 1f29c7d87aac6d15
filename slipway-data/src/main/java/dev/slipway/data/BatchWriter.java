package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes frames as CSV rows, streamed to disk: straight into a temporary file beside the target for
 * CSV; for Parquet and JSON lines, into a staging CSV that DuckDB converts, typed, at {@link
 * #commit()}. The target appears complete or not at all. Confined to one thread.
 */
final class BatchWriter implements BatchFiles.Writer {

    private final SlipwayHome home;
    private final DataLimits limits;
    private final Path target;
    private final Path temp;
    private final SourceFormat format;
    private final List<ColumnSpec> columns;
    private final List<String> header;
    private final Optional<Workspace> workspace;
    private final Path stage;
    private BufferedWriter out;
    private long rows;
    private boolean committed;

    private BatchWriter(
            SlipwayHome home,
            DataLimits limits,
            Path target,
            SourceFormat format,
            List<ColumnSpec> columns,
            List<String> header,
            Optional<Workspace> workspace) {
        this.home = home;
        this.limits = limits;
        this.target = target;
        this.temp = target.resolveSibling("." + target.getFileName() + ".slipway-tmp");
        this.format = format;
        this.columns = columns;
        this.header = header;
        this.workspace = workspace;
        this.stage = workspace.map(w -> w.path().resolve("rows.csv")).orElse(temp);
    }

    static BatchWriter create(
            SlipwayHome home,
            DataLimits limits,
            Path file,
            SourceFormat format,
            List<ColumnSpec> columns) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw InvalidInputException.of(
                    file.toString(), file + ": is a directory; give the path of the file to write");
        }
        List<String> header = header(file, columns);
        Optional<Workspace> ws =
                format == SourceFormat.CSV
                        ? Optional.empty()
                        : Optional.of(home.newWorkspace("batch-write"));
        BatchWriter w = new BatchWriter(home, limits, target, format, columns, header, ws);
        try {
            Files.createDirectories(target.getParent());
            w.out = Files.newBufferedWriter(w.stage, StandardCharsets.UTF_8);
            StringJoiner line = new StringJoiner(",");
            header.forEach(h -> line.add(field(h)));
            w.out.write(line.toString());
            w.out.write('\n');
        } catch (IOException e) {
            w.close();
            throw new StoreException(
                    "cannot write %s: %s; check that the folder is writable"
                            .formatted(file, e.getMessage()),
                    e);
        }
        return w;
    }

    /** The names of the written columns, wide columns flattened, checked to be distinct. */
    private static List<String> header(Path file, List<ColumnSpec> columns) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnSpec c : columns) {
            for (int p = 0; p < c.width(); p++) {
                String n =
                        c.width() == 1
                                ? c.name()
                                : c.name() + "_" + (c.labels().isEmpty() ? p : c.labels().get(p));
                if (!seen.add(n)) {
                    throw InvalidInputException.of(
                            file.toString(),
                            "%s would have two columns named '%s'; rename one of them"
                                    .formatted(file, n));
                }
                names.add(n);
            }
        }
        return names;
    }

    @Override
    public void write(Frame frame) {
        if (committed || out == null) {
            throw new IllegalStateException("the writer of " + target + " is closed");
        }
        check(frame);
        List<Column> cs = frame.columns();
        StringBuilder b = new StringBuilder(256);
        try {
            for (int r = 0; r < frame.rows(); r++) {
                b.setLength(0);
                for (int i = 0; i < cs.size(); i++) {
                    Column c = cs.get(i);
                    for (int p = 0; p < c.width(); p++) {
                        if (i > 0 || p > 0) {
                            b.append(',');
                        }
                        append(b, c, r, p);
                    }
                }
                b.append('\n');
                out.append(b);
            }
        } catch (IOException e) {
            throw writeFailed(e);
        }
        rows += frame.rows();
    }

    private void check(Frame frame) {
        List<Column> cs = frame.columns();
        boolean fits = cs.size() == columns.size();
        for (int i = 0; fits && i < cs.size(); i++) {
            fits =
                    cs.get(i).dtype() == columns.get(i).dtype()
                            && cs.get(i).width() == columns.get(i).width();
        }
        if (!fits) {
            throw new IllegalArgumentException(
                    "frame columns %s do not match the columns of %s: %s"
                            .formatted(
                                    cs.stream()
                                            .map(c -> c.name() + ":" + c.dtype() + "x" + c.width())
                                            .toList(),
                                    target,
                                    columns));
        }
    }

    /** Appends position {@code p} of row {@code r}: empty when missing, quoted when needed. */
    private static void append(StringBuilder b, Column c, int r, int p) {
        if (c.width() == 1 && c.isNull(r)) {
            return;
        }
        int at = r * c.width() + p;
        switch (c) {
            case StringColumn s -> b.append(field(s.values()[at]));
            case LongColumn l -> b.append(l.values()[at]);
            case BoolColumn f -> b.append(f.values()[at]);
            case DoubleColumn d -> {
                double v = d.values()[at];
                if (!Double.isNaN(v)) {
                    b.append(v);
                }
            }
            case FloatColumn f -> {
                float v = f.values()[at];
                if (!Float.isNaN(v)) {
                    b.append(v);
                }
            }
        }
    }

    /** A CSV field: quoted when empty or holding a separator, quote, line break or edge space. */
    private static String field(String s) {
        boolean quote = s.isEmpty() || !s.strip().equals(s);
        for (int i = 0; !quote && i < s.length(); i++) {
            char ch = s.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path commit() {
        if (committed || out == null) {
            throw new IllegalStateException("the writer of " + target + " is closed");
        }
        try {
            out.close();
            out = null;
        } catch (IOException e) {
            throw writeFailed(e);
        }
        if (format != SourceFormat.CSV) {
            convert();
        }
        home.publish(temp, target);
        committed = true;
        close();
        return target;
    }

    /** Converts the staging CSV to the target's format, in the temporary file beside it. */
    private void convert() {
        StringJoiner types = new StringJoiner(", ", "{", "}");
        int k = 0;
        for (ColumnSpec c : columns) {
            for (int p = 0; p < c.width(); p++) {
                types.add(Sql.str(header.get(k++)) + ": " + Sql.str(sqlType(c, format)));
            }
        }
        String options =
                format == SourceFormat.PARQUET ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT json";
        String sql =
                "COPY (SELECT * FROM read_csv(%s, header=true, auto_detect=false, delim=',', quote='\"', escape='\"', allow_quoted_nulls=false, columns=%s)) TO %s (%s)"
                        .formatted(
                                Sql.str(stage.toString()),
                                types,
                                Sql.str(temp.toString()),
                                options);
        Path spill = workspace.orElseThrow().path();
        try (Connection c = BatchSql.engine(spill, limits, false);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot write %s as %s: %s".formatted(target, format.label(), e.getMessage()),
                    e);
        }
    }

    /**
     * The column's type in the written file; JSON has one number type, DOUBLE shows floats best.
     */
    private static String sqlType(ColumnSpec c, SourceFormat format) {
        return switch (c.dtype()) {
            case STRING -> "VARCHAR";
            case INT64 -> "BIGINT";
            case FP64 -> "DOUBLE";
            case FP32 -> format == SourceFormat.JSONL ? "DOUBLE" : "FLOAT";
            case BOOL -> "BOOLEAN";
        };
    }

    private StoreException writeFailed(IOException e) {
        return new StoreException(
                "cannot write %s: %s; check that the disk has room"
                        .formatted(target, e.getMessage()),
                e);
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // discarding: the temporary file is deleted next
        } finally {
            out = null;
        }
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a hidden leftover beside the target; the target itself is untouched
            }
        }
        workspace.ifPresent(Workspace::close);
    }
}
