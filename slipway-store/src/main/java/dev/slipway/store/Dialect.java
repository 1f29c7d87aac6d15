package dev.slipway.store;

/** The SQL dialect of a metadata store, for the few statements that differ between the two. */
public enum Dialect {
    /** SQLite 3, a file on the local disk. */
    SQLITE,
    /** PostgreSQL 13 or newer. */
    POSTGRESQL
}
