package dev.slipway.monitor.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * A column to compare, and how, when the caller says so.
 *
 * @param name the column's name, matched exactly (case included)
 * @param kind numeric or categorical; when empty, inferred from the column's type (numbers are
 *     numeric; text, booleans and enums are categorical)
 */
public record DriftColumn(String name, Optional<ColumnKind> kind) {
    public DriftColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A column whose kind is inferred from its type. */
    public static DriftColumn of(String name) {
        return new DriftColumn(name, Optional.empty());
    }

    /** A column compared as {@code kind}. */
    public static DriftColumn of(String name, ColumnKind kind) {
        return new DriftColumn(name, Optional.of(kind));
    }
}
