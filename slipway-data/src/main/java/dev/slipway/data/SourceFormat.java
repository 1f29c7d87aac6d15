package dev.slipway.data;

import java.util.Locale;
import java.util.Optional;

/** The file formats a dataset can be imported from and exported to. */
public enum SourceFormat {
    /** Comma- (or otherwise) separated values, UTF-8. */
    CSV,
    /** Apache Parquet. */
    PARQUET,
    /** One JSON object per line. */
    JSONL;

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code label} (case-insensitive; {@code json}, {@code ndjson} mean JSONL).
     */
    public static Optional<SourceFormat> fromLabel(String label) {
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "csv", "tsv", "txt" -> Optional.of(CSV);
            case "parquet", "pq" -> Optional.of(PARQUET);
            case "jsonl", "ndjson", "json" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }
}
