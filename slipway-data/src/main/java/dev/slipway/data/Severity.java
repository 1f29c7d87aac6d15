package dev.slipway.data;

/** How serious a validation problem is. */
public enum Severity {
    /** The batch does not fit the reference version; a model would reject or misread it. */
    ERROR,
    /** The batch fits, but differs from the reference in a way worth a look. */
    WARNING
}
