/**
 * Values, errors and service interfaces shared by every Slipway layer.
 *
 * <p>Everything here is immutable and free of I/O. Absence is {@link java.util.Optional}; no method
 * returns or accepts null.
 */
package dev.slipway.api;
