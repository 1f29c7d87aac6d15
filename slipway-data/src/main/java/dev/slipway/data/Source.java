package dev.slipway.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A file opened for reading through DuckDB: its hash, its columns, and a relation that yields its
 * rows with names trimmed, values trimmed and missing markers turned into nulls.
 *
 * @param file the file
 * @param format its format
 * @param sha256 the hex sha256 of its bytes
 * @param bytes its size
 * @param columns its columns in order, as the relation yields them
 * @param relation a parenthesised DuckDB query over the file, usable after FROM
 * @param dialect the CSV layout, for CSV files
 * @param linesExact whether data row i (0-based) of a CSV is on line i + 1 + header
 */
record Source(
        Path file,
        SourceFormat format,
        String sha256,
        long bytes,
        List<SourceColumn> columns,
        String relation,
        Optional<CsvDialect> dialect,
        boolean linesExact) {

    Source {
        columns = List.copyOf(columns);
    }

    /**
     * One column of a source.
     *
     * @param rawName the name as written in the file
     * @param name the name after trimming
     * @param duckType the DuckDB type the relation yields (VARCHAR for every CSV column)
     */
    record SourceColumn(String rawName, String name, String duckType) {
        boolean isText() {
            return duckType.equals("VARCHAR");
        }
    }

    /** The same source, read through another relation with the same columns. */
    Source withRelation(String other) {
        return new Source(file, format, sha256, bytes, columns, other, dialect, linesExact);
    }

    /** The 1-based line of data row {@code row} (0-based), when lines are exact. */
    Optional<Long> lineOf(long row) {
        if (!linesExact || dialect.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(row + 1 + (dialect.get().header() ? 1 : 0));
    }

    /** How a row is named in messages: by line for CSV when exact, else by 1-based row number. */
    String rowLabel(long row) {
        return lineOf(row).map(l -> "line " + l).orElse("row " + (row + 1));
    }
}
