package dev.slipway.data;

import java.util.Map;
import java.util.Objects;

/**
 * Where a derived dataset version came from.
 *
 * @param parentDataset the dataset of the version it was derived from
 * @param parentVersion that version's id
 * @param operation what derived it, e.g. {@code split}
 * @param params the operation's parameters, e.g. {@code part=test, fraction=0.2, seed=42}
 */
public record Lineage(
        String parentDataset, String parentVersion, String operation, Map<String, String> params) {
    public Lineage {
        Objects.requireNonNull(parentDataset, "parentDataset");
        Objects.requireNonNull(parentVersion, "parentVersion");
        Objects.requireNonNull(operation, "operation");
        params = Map.copyOf(params);
    }
}
