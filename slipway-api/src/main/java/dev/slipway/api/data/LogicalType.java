package dev.slipway.api.data;

/** The logical type of a column, as Slipway infers it from data and as models see it. */
public enum LogicalType {
    /** Real numbers (stored as 64-bit floating point). */
    NUMERIC,
    /** Whole numbers (stored as 64-bit integers). */
    INTEGER,
    /** A small set of string values, each a category. */
    CATEGORICAL,
    /** True or false. */
    BOOLEAN,
    /** Free text: too many distinct values to be categories. */
    TEXT,
    /** A date and time without zone (UTC when the source had a zone). */
    TIMESTAMP;

    /** The lower-case name used on the command line and in JSON, e.g. {@code categorical}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type whose {@link #label()} is {@code label}, ignoring case. */
    public static java.util.Optional<LogicalType> fromLabel(String label) {
        for (LogicalType t : values()) {
            if (t.label().equalsIgnoreCase(label.strip())) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
