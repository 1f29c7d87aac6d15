package dev.slipway.monitor.quality;

/**
 * The quality of one column of the current data.
 *
 * @param column the column
 * @param rows the rows looked at
 * @param nulls how many of them are missing
 * @param outOfRange how many numbers lie outside the range the reference saw
 * @param unseenCategories how many values of a categorical column the reference never had
 * @param typeViolations how many values do not fit the column's type in the reference
 */
public record ColumnQuality(
        String column,
        long rows,
        long nulls,
        long outOfRange,
        long unseenCategories,
        long typeViolations) {

    /** The share of missing values, 0 when there are no rows. */
    public double nullRate() {
        return rows == 0 ? 0 : (double) nulls / rows;
    }
}
