package dev.slipway.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with a JDBC connection inside a transaction of a {@link MetadataStore}.
 *
 * <p>The connection belongs to the store: the work must not close it, commit, roll back or change
 * its auto-commit mode, nor keep it after returning.
 *
 * @param <T> the result; use {@link Void} and return null only for work without a result
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work; a thrown exception rolls the transaction back. */
    T apply(Connection connection) throws SQLException;
}
