package dev.slipway.monitor.drift;

/**
 * One column's values in the reference and the current data, as counts per distinct value: memory
 * grows with the number of distinct values, not with the number of rows. Missing values (null, NaN,
 * ±infinity) are not counted. Implementations are immutable.
 */
public sealed interface ColumnCounts permits NumericCounts, CategoricalCounts {

    /** The column's name. */
    String column();

    /** Whether the values are numbers or labels. */
    ColumnKind kind();

    /** How many distinct values reference and current have together ({@code n_unique}). */
    int size();

    /** How many reference rows have the {@code i}-th value (0-based, in value order). */
    long refCount(int i);

    /** How many current rows have the {@code i}-th value (0-based, in value order). */
    long curCount(int i);

    /** The reference rows counted ({@code n_ref}). */
    long nRef();

    /** The current rows counted ({@code n_cur}). */
    long nCur();
}
