/**
 * Where Slipway keeps things: the metadata store (SQLite or PostgreSQL, with versioned migrations),
 * the content-addressed blob store, and the home folder that holds both.
 *
 * <p>No method returns or accepts null; absence is {@link java.util.Optional}.
 */
package dev.slipway.store;
