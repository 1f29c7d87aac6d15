/**
 * Types shared between the packages of slipway-formats, not for use outside it: they may change in
 * any release.
 */
package dev.slipway.formats.internal;
