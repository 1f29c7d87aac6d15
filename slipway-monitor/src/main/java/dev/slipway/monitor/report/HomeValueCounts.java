package dev.slipway.monitor.report;

import dev.slipway.api.NotFoundException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.DataLimits;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.drift.ColumnCounts;
import dev.slipway.monitor.drift.DriftColumn;
import dev.slipway.monitor.drift.DuckDbDrift;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionFiles;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link ValueCounts} over a home: the reference and the current data as DuckDB relations, the
 * counts by {@link DuckDbDrift#counts}. The reference is resolved as the monitor resolves it (the
 * training data of the version an alias {@code champion} points to, else of the newest version).
 * Thread-safe: every call opens its own DuckDB session.
 */
final class HomeValueCounts implements ValueCounts {

    private final SlipwayHome home;
    private final ModelRegistry registry;
    private final Datasets datasets;
    private final DataLimits limits;

    HomeValueCounts(
            SlipwayHome home, ModelRegistry registry, Datasets datasets, DataLimits limits) {
        this.home = Objects.requireNonNull(home, "home");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.datasets = Objects.requireNonNull(datasets, "datasets");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public List<ColumnCounts> counts(
            String model, ReferenceData reference, CurrentData current, List<DriftColumn> columns) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            String cur = current(s, current).relation();
            String ref = reference(s, model, reference);
            List<ColumnCounts> out = new ArrayList<>();
            for (DriftColumn c : columns) {
                out.add(DuckDbDrift.counts(s.connection(), ref, cur, c));
            }
            return out;
        }
    }

    private PredictionTable current(MonitorSession s, CurrentData current) {
        return switch (current) {
            case CurrentData.Log l ->
                    PredictionLogs.read(
                            s,
                            PredictionLogs.directory(home),
                            l.model(),
                            l.range(),
                            PredictionLogs.signatures(registry, l.model()));
            case CurrentData.File f -> PredictionFiles.read(s, f.file(), f.layout(), f.range());
        };
    }

    private String reference(MonitorSession s, String model, ReferenceData reference) {
        return switch (reference) {
            case ReferenceData.Training t -> snapshot(training(model));
            case ReferenceData.Dataset d -> snapshot(datasets.resolve(d.ref()));
            case ReferenceData.File f -> PredictionFiles.scan(f.file());
            case ReferenceData.Log l ->
                    current(s, new CurrentData.Log(model, l.range())).relation();
        };
    }

    private static String snapshot(DatasetVersion v) {
        return "read_parquet(%s)".formatted(DuckSql.str(v.snapshot().toString()));
    }

    private DatasetVersion training(String model) {
        List<ModelVersion> versions = registry.versions(model);
        if (versions.isEmpty()) {
            throw new NotFoundException(
                    "model", model, "model '%s' has no version".formatted(model));
        }
        ModelVersion v =
                versions.stream()
                        .filter(x -> x.aliases().contains("champion"))
                        .findFirst()
                        .orElse(versions.getLast());
        String dataset =
                v.lineage()
                        .datasetName()
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "training data",
                                                model,
                                                "%s v%d was not trained by Slipway, so its training data is unknown; give a reference file or dataset"
                                                        .formatted(model, v.version())));
        return datasets.resolve(new DatasetRef(dataset, v.lineage().datasetVersion()));
    }
}
