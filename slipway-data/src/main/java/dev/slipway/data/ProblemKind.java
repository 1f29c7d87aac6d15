package dev.slipway.data;

/** What a validation problem is about. */
public enum ProblemKind {
    /** A column of the reference schema is absent from the batch. */
    MISSING_COLUMN,
    /** The batch has a column the reference schema does not. */
    EXTRA_COLUMN,
    /** A value does not parse as its column's type. */
    TYPE_VIOLATION,
    /** A value of a categorical column is not among the reference's categories. */
    UNSEEN_CATEGORY,
    /** A column is missing in clearly more rows than in the reference. */
    NULL_RATE,
    /** A number lies outside the range the reference saw. */
    OUT_OF_RANGE
}
