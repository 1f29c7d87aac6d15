package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.data.BatchFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code slipway predict} writes: the output (key columns, then the prediction) and, when
 * there are any, the rejected rows. Both are written to temporary files and appear only on {@link
 * #commit()}. Confined to one thread.
 */
final class PredictSink implements AutoCloseable {

    /** The key column written when the input has no column to identify rows by. */
    static final String ROW = "row";

    private static final String PROBA = "proba";

    private final BatchFiles files;
    private final Path output;
    private final Path rejectsPath;
    private final Signature signature;
    private final List<ColumnSpec> fileColumns;
    private final int[] keys;
    private Optional<BatchFiles.Writer> writer = Optional.empty();
    private Optional<BatchFiles.Writer> rejects = Optional.empty();
    private long rejected;

    private PredictSink(
            BatchFiles files,
            Path output,
            Path rejectsPath,
            Signature signature,
            List<ColumnSpec> fileColumns,
            int[] keys) {
        this.files = files;
        this.output = output;
        this.rejectsPath = rejectsPath;
        this.signature = signature;
        this.fileColumns = fileColumns;
        this.keys = keys;
    }

    /**
     * A sink for a file with {@code fileColumns}; {@code keyNames} empty means the file's columns
     * the model does not take, or a row number when there are none.
     *
     * @throws InvalidInputException when a key column is not in the file or has the name of a
     *     prediction column
     */
    static PredictSink open(
            BatchFiles files,
            Path output,
            Path rejectsPath,
            Signature signature,
            List<ColumnSpec> fileColumns,
            List<String> keyNames) {
        List<String> names = fileColumns.stream().map(ColumnSpec::name).toList();
        List<Integer> keys = new ArrayList<>();
        if (keyNames.isEmpty()) {
            Set<String> inputs = new HashSet<>();
            for (ColumnSpec s : signature.inputs()) {
                inputs.add(s.name());
                inputs.addAll(s.labels());
            }
            for (int i = 0; i < names.size(); i++) {
                if (!inputs.contains(names.get(i))) {
                    keys.add(i);
                }
            }
        } else {
            for (String k : keyNames) {
                int i = names.indexOf(k.strip());
                if (i < 0) {
                    throw InvalidInputException.of(
                            "--key",
                            "the input has no column '%s' to use as a key; its columns are %s"
                                    .formatted(k.strip(), names));
                }
                keys.add(i);
            }
        }
        Set<String> outputs = new HashSet<>();
        signature.outputs().forEach(o -> outputs.add(outName(o.name())));
        for (int i : keys) {
            String n = names.get(i);
            if (outputs.contains(n)) {
                throw InvalidInputException.of(
                        "--key",
                        "the key column '%s' has the name of a prediction column; choose other key columns with --key COL,..."
                                .formatted(n));
            }
        }
        return new PredictSink(
                files,
                output,
                rejectsPath,
                signature,
                fileColumns,
                keys.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The key columns' names, in output order. */
    List<String> keyNames() {
        if (keys.length == 0) {
            return List.of(ROW);
        }
        List<String> out = new ArrayList<>();
        for (int k : keys) {
            out.add(fileColumns.get(k).name());
        }
        return out;
    }

    /** Writes the predictions {@code predicted} of the good rows {@code from..to} of a chunk. */
    void scored(BatchFiles.Chunk chunk, int from, int to, Frame predicted) {
        List<Column> columns = new ArrayList<>();
        if (keys.length == 0) {
            long[] rows = java.util.Arrays.copyOfRange(chunk.rows(), from, to);
            columns.add(new LongColumn(ROW, 1, rows, new BitSet()));
        }
        for (int k : keys) {
            columns.add(PredictFrames.slice(chunk.raw().columns().get(k), from, to));
        }
        for (Column c : predicted.columns()) {
            columns.add(c.renamed(outName(c.name())));
        }
        Frame frame = new Frame(to - from, columns);
        if (writer.isEmpty()) {
            writer = Optional.of(files.create(output, specs(frame.columns())));
        }
        writer.get().write(frame);
    }

    /** Writes rejected rows, in the order given. */
    void rejected(List<BatchFiles.BadRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rejects.isEmpty()) {
            rejects = Optional.of(files.create(rejectsPath, rejectSpecs()));
        }
        int n = rows.size();
        long[] numbers = new long[n];
        String[] reasons = new String[n];
        List<String[]> values = new ArrayList<>();
        for (int i = 0; i < fileColumns.size(); i++) {
            values.add(new String[n]);
        }
        for (int r = 0; r < n; r++) {
            BatchFiles.BadRow b = rows.get(r);
            numbers[r] = b.row();
            reasons[r] = b.reason();
            for (int i = 0; i < fileColumns.size(); i++) {
                values.get(i)[r] = i < b.values().size() ? b.values().get(i) : "";
            }
        }
        List<Column> columns = new ArrayList<>();
        List<ColumnSpec> specs = rejectSpecs();
        columns.add(new LongColumn(specs.get(0).name(), 1, numbers, new BitSet()));
        columns.add(StringColumn.of(specs.get(1).name(), reasons));
        for (int i = 0; i < fileColumns.size(); i++) {
            columns.add(StringColumn.of(fileColumns.get(i).name(), values.get(i)));
        }
        rejects.get().write(new Frame(n, columns));
        rejected += n;
    }

    long written() {
        return writer.map(BatchFiles.Writer::rows).orElse(0L);
    }

    long rejectedCount() {
        return rejected;
    }

    /**
     * Moves the output (and the rejects, if any) into place; with no rejects, removes a rejects
     * file an earlier run left at that path, which would no longer describe the output.
     */
    void commit() {
        if (writer.isEmpty()) {
            writer = Optional.of(files.create(output, emptySpecs()));
        }
        if (rejects.isPresent()) {
            rejects.get().commit();
        } else {
            try {
                Files.deleteIfExists(rejectsPath);
            } catch (IOException e) {
                throw new StoreException(
                        "cannot remove %s, left by an earlier run: %s; delete it by hand"
                                .formatted(rejectsPath, e.getMessage()),
                        e);
            }
        }
        writer.get().commit();
    }

    @Override
    public void close() {
        try {
            writer.ifPresent(BatchFiles.Writer::close);
        } finally {
            rejects.ifPresent(BatchFiles.Writer::close);
        }
    }

    /** The output name of a prediction column: {@code probabilities} become {@code proba_*}. */
    private static String outName(String name) {
        return name.equals(Signature.PROBABILITIES) ? PROBA : name;
    }

    /** The written columns' specs: as the frame's, with position names from the signature. */
    private List<ColumnSpec> specs(List<Column> columns) {
        List<ColumnSpec> out = new ArrayList<>();
        for (Column c : columns) {
            List<String> labels =
                    signature.outputs().stream()
                            .filter(o -> outName(o.name()).equals(c.name()))
                            .findFirst()
                            .map(ColumnSpec::labels)
                            .filter(l -> l.size() == c.width())
                            .orElse(List.of());
            out.add(new ColumnSpec(c.name(), c.dtype(), c.width(), labels));
        }
        return out;
    }

    /** The output's specs when no row was scored: the keys, then the signature's outputs. */
    private List<ColumnSpec> emptySpecs() {
        List<ColumnSpec> out = new ArrayList<>();
        if (keys.length == 0) {
            out.add(ColumnSpec.scalar(ROW, DType.INT64));
        }
        for (int k : keys) {
            out.add(fileColumns.get(k));
        }
        for (ColumnSpec o : signature.outputs()) {
            out.add(new ColumnSpec(outName(o.name()), o.dtype(), o.width(), o.labels()));
        }
        return out;
    }

    /** The row number, the reason, then every column of the file as text. */
    private List<ColumnSpec> rejectSpecs() {
        Set<String> names = new HashSet<>();
        fileColumns.forEach(c -> names.add(c.name()));
        boolean clash = names.contains("row") || names.contains("reason");
        List<ColumnSpec> out = new ArrayList<>();
        out.add(ColumnSpec.scalar(clash ? "slipway_row" : "row", DType.INT64));
        out.add(ColumnSpec.scalar(clash ? "slipway_reason" : "reason", DType.STRING));
        fileColumns.forEach(c -> out.add(ColumnSpec.scalar(c.name(), DType.STRING)));
        return out;
    }
}
