package dev.slipway.data;

import java.util.List;

/**
 * How a CSV file is laid out.
 *
 * @param delimiter the field separator
 * @param quote the quote character, or -1 for none
 * @param header whether the first record names the columns
 * @param names the column names: from the header as written (not yet trimmed), or generated
 */
record CsvDialect(char delimiter, int quote, boolean header, List<String> names) {
    CsvDialect {
        names = List.copyOf(names);
    }

    /** The delimiter as shown to a user: {@code ','}, {@code tab}, ... */
    String delimiterLabel() {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }
}
