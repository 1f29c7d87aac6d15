package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.LogicalType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a file into a dataset version. Immutable; build with {@link #builder()}.
 *
 * @param format the file format; empty to detect it from the name and content
 * @param delimiter the CSV field separator; empty to detect it
 * @param quote the CSV quote character
 * @param header whether the CSV's first line names the columns; empty to detect it
 * @param trim whether to strip white space around values and column names
 * @param missing values (after trimming) that mean "missing"
 * @param types logical types that override inference, by column name
 */
public record ImportOptions(
        Optional<SourceFormat> format,
        Optional<Character> delimiter,
        char quote,
        Optional<Boolean> header,
        boolean trim,
        List<String> missing,
        Map<String, LogicalType> types) {

    /** The default missing-value markers: empty, {@code ?} and {@code NA}. */
    public static final List<String> DEFAULT_MISSING = List.of("", "?", "NA");

    public ImportOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(header, "header");
        missing = List.copyOf(missing);
        types = Map.copyOf(types);
        if (quote >= 128 || quote == '\n' || quote == '\r') {
            throw InvalidInputException.of(
                    "--quote",
                    "the quote character must be one ASCII character other than a line break, got '%s'"
                            .formatted(quote));
        }
        delimiter.ifPresent(
                d -> {
                    if (d >= 128 || d == '\n' || d == '\r' || d == quote) {
                        throw InvalidInputException.of(
                                "--delimiter",
                                "the delimiter must be one ASCII character other than a line break and the quote character, got '%s'"
                                        .formatted(d));
                    }
                });
    }

    /** Options that detect everything and trim, with the default missing markers. */
    public static ImportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ImportOptions}. */
    public static final class Builder {
        private Optional<SourceFormat> format = Optional.empty();
        private Optional<Character> delimiter = Optional.empty();
        private char quote = '"';
        private Optional<Boolean> header = Optional.empty();
        private boolean trim = true;
        private List<String> missing = DEFAULT_MISSING;
        private final Map<String, LogicalType> types = new LinkedHashMap<>();

        private Builder() {}

        public Builder format(SourceFormat value) {
            format = Optional.of(value);
            return this;
        }

        public Builder delimiter(char value) {
            delimiter = Optional.of(value);
            return this;
        }

        public Builder quote(char value) {
            quote = value;
            return this;
        }

        public Builder header(boolean value) {
            header = Optional.of(value);
            return this;
        }

        public Builder trim(boolean value) {
            trim = value;
            return this;
        }

        public Builder missing(List<String> values) {
            missing = List.copyOf(values);
            return this;
        }

        public Builder type(String column, LogicalType type) {
            types.put(column, type);
            return this;
        }

        public ImportOptions build() {
            return new ImportOptions(format, delimiter, quote, header, trim, missing, types);
        }
    }
}
