package dev.slipway.monitor.report;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.drift.ColumnCounts;
import dev.slipway.monitor.drift.DriftColumn;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.store.SlipwayHome;
import java.util.List;

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

    /**
     * Counts read with DuckDB from the prediction logs, dataset versions and registry of {@code
     * home}, resolving the reference as {@link dev.slipway.monitor.Monitor} does.
     */
    static ValueCounts inHome(
            SlipwayHome home, ModelRegistry registry, Datasets datasets, DataLimits limits) {
        return new HomeValueCounts(home, registry, datasets, limits);
    }
}
