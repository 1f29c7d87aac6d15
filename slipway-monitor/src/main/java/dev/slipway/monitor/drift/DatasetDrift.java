package dev.slipway.monitor.drift;

import dev.slipway.api.InvalidInputException;
import java.util.List;

/**
 * The drift verdict for a dataset: its columns' verdicts and whether enough of them drifted.
 *
 * @param columns each column's verdict, in the order the columns were given
 * @param driftedColumns how many columns drifted
 * @param share {@code driftedColumns / columns.size()}
 * @param threshold the share at or above which the dataset drifts
 * @param drifted whether {@code share >= threshold}
 */
public record DatasetDrift(
        List<ColumnDrift> columns,
        int driftedColumns,
        double share,
        double threshold,
        boolean drifted) {
    public DatasetDrift {
        columns = List.copyOf(columns);
    }

    /**
     * Combines column verdicts as Evidently does: the dataset drifts when the share of drifted
     * columns is at least {@code driftShare}.
     *
     * @throws InvalidInputException when there are no columns
     */
    public static DatasetDrift of(List<ColumnDrift> columns, double driftShare) {
        if (columns.isEmpty()) {
            throw InvalidInputException.of(
                    "drift columns", "no columns to compare; name at least one column");
        }
        int drifted = (int) columns.stream().filter(ColumnDrift::drifted).count();
        double share = drifted / (double) columns.size();
        return new DatasetDrift(columns, drifted, share, driftShare, share >= driftShare);
    }
}
