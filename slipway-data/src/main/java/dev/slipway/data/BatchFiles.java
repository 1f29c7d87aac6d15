package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Frame;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams a CSV, Parquet or JSON-lines file in chunks of rows, and writes frames to such a file, in
 * bounded memory whatever the file's size: the file side of scoring a file with a model.
 *
 * <p>Values are read as an import reads them by default: column names and text are stripped of
 * surrounding spaces, and the text values {@code ""}, {@code ?} and {@code NA} of the columns asked
 * for are missing. Thread-safe; each {@link Reader} and {@link Writer} is used by one thread at a
 * time.
 */
public final class BatchFiles {

    private final SlipwayHome home;
    private final DataLimits limits;

    /**
     * @param home the home whose scratch folder holds DuckDB's spill files and staged output
     * @param limits resources the data engine may use
     */
    public BatchFiles(SlipwayHome home, DataLimits limits) {
        this.home = Objects.requireNonNull(home, "home");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Opens {@code file} to read in chunks of up to {@code batchSize} rows, in file order. The
     * {@code wanted} columns are converted to their spec's type: numbers from text are parsed, and
     * a row whose value does not fit is set aside as a {@link BadRow}. A wanted spec of width above
     * 1 with position names is assembled from the columns so named.
     *
     * @throws InvalidInputException when the file cannot be read as its format, or lacks a wanted
     *     column (naming every missing one and listing the file's columns)
     */
    public Reader open(Path file, List<ColumnSpec> wanted, int batchSize) {
        Objects.requireNonNull(file, "file");
        if (batchSize < 1) {
            throw InvalidInputException.of(
                    "--batch-size", "the batch size must be 1 or more, got " + batchSize);
        }
        return BatchReader.open(home, limits, file, List.copyOf(wanted), batchSize);
    }

    /**
     * Starts writing {@code file} in the format its extension names, with the given columns in
     * order; a column of width {@code k} above 1 is written as {@code k} columns named {@code
     * NAME_POSITION} (the position's name, else its 0-based index). Rows go to a temporary file
     * that {@link Writer#commit()} moves into place: until then {@code file} is untouched.
     *
     * @throws InvalidInputException when the extension names no format Slipway writes, or the
     *     columns' names clash
     */
    public Writer create(Path file, List<ColumnSpec> columns) {
        Objects.requireNonNull(file, "file");
        return BatchWriter.create(home, limits, file, formatOf(file), List.copyOf(columns));
    }

    /**
     * The format a file's extension names: {@code .csv}, {@code .parquet}, {@code .jsonl}, {@code
     * .ndjson} or {@code .json}.
     *
     * @throws InvalidInputException for any other extension
     */
    public static SourceFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        Optional<SourceFormat> f =
                dot < 0 ? Optional.empty() : SourceFormat.fromLabel(name.substring(dot + 1));
        return f.orElseThrow(
                () ->
                        InvalidInputException.of(
                                file.toString(),
                                "%s: cannot tell the format from the name; use .csv, .parquet or .jsonl"
                                        .formatted(file)));
    }

    /** A file read in chunks; see {@link #open}. Closing releases its DuckDB engine. */
    public interface Reader extends AutoCloseable {

        /**
         * The file's columns, names stripped, with their types as read (STRING for all of a CSV).
         */
        List<ColumnSpec> columns();

        /** The number of rows in the file, counted when it was opened. */
        long total();

        /**
         * The next chunk of rows, or empty at the end of the file.
         *
         * @throws InvalidInputException when the file turns out to be malformed further on, naming
         *     the line where DuckDB says
         */
        Optional<Chunk> next();

        @Override
        void close();
    }

    /**
     * A chunk of rows: the rows whose wanted values fit, and those set aside.
     *
     * @param inputs the wanted columns of the good rows, typed as the specs say
     * @param raw every column of the good rows, typed as {@link Reader#columns()} says
     * @param rows the 1-based row number in the file of each good row
     * @param rejected the rows whose wanted values did not fit, in file order
     */
    public record Chunk(Frame inputs, Frame raw, long[] rows, List<BadRow> rejected) {
        public Chunk {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(rows, "rows");
            rejected = List.copyOf(rejected);
        }

        /** The values of good row {@code index} as text, in file column order ("" when missing). */
        public List<String> values(int index) {
            return BatchCells.texts(raw, index);
        }
    }

    /**
     * A row that cannot be used.
     *
     * @param row its 1-based number in the file (the header is not a row)
     * @param reason what is wrong with it, naming the column
     * @param values its values as text, in file column order ("" when missing)
     */
    public record BadRow(long row, String reason, List<String> values) {
        public BadRow {
            Objects.requireNonNull(reason, "reason");
            values = List.copyOf(values);
        }
    }

    /** A file being written; see {@link #create}. Closing before commit discards it. */
    public interface Writer extends AutoCloseable {

        /** Appends the rows of {@code frame}, whose columns match the writer's in order. */
        void write(Frame frame);

        /** The rows written so far. */
        long rows();

        /**
         * Finishes the file and moves it into place, replacing any file there.
         *
         * @return the file written
         */
        Path commit();

        /** Discards what was written unless committed; harmless after commit. */
        @Override
        void close();
    }
}
