/**
 * Classes that must be public for a library to instantiate them by name; not Slipway API, subject
 * to change without notice.
 */
package dev.slipway.store.internal;
