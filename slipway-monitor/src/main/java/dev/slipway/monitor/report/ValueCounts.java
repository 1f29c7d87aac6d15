package dev.slipway.monitor.report;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.drift.ColumnCounts;
import dev.slipway.monitor.drift.DriftColumn;
import java.util.List;
import java.util.Optional;

/**
 * Where a report gets each column's counts of values in the reference and the current data, for its
 * charts: the same counts drift is computed from ({@link
 * dev.slipway.monitor.drift.DuckDbDrift#counts}).
 */
@FunctionalInterface
public interface ValueCounts {

    /**
     * The counts of {@code columns} in the reference and the current data, in the columns' order.
     *
     * @param model the model the current data and the default reference belong to
     * @throws InvalidInputException when a source cannot be read or a column does not suit its kind
     * @throws NotFoundException when the model, its log, its training data or a column is unknown
     */
    List<ColumnCounts> counts(
            String model, ReferenceData reference, CurrentData current, List<DriftColumn> columns);

    /** The counts as {@code monitor} reads them, resolving sources as its drift does. */
    static ValueCounts of(Monitor monitor) {
        return (model, reference, current, columns) ->
                monitor.counts(Optional.of(model), reference, current, columns);
    }
}
