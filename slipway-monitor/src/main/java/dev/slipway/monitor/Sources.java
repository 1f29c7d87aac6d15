package dev.slipway.monitor;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.SlipwayException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ModelRef;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionFiles;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.reference.ScoredReferences;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the monitor's data comes from, as relations of a DuckDB session: the current data (a range
 * of the prediction log, or a file) and the reference (the model's training data with its
 * predictions scored by the model, a dataset version, a file, or a range of the log).
 */
final class Sources {

    /** Names the temporary tables of sessions in this process. */
    private static final AtomicLong TABLES = new AtomicLong();

    private final ModelRegistry registry;
    private final Datasets datasets;
    private final ScoredReferences scored;
    private final Path logDirectory;

    Sources(ModelRegistry registry, Datasets datasets, ScoredReferences scored, Path logDirectory) {
        this.registry = registry;
        this.datasets = datasets;
        this.scored = scored;
        this.logDirectory = logDirectory;
    }

    /**
     * A reference, as a relation and in words; for the training data, where its predictions come
     * from, or why it has none.
     */
    record Source(
            String description,
            String relation,
            Optional<ReferencePredictions> predictions,
            Optional<String> unscored) {
        Source(String description, String relation) {
            this(description, relation, Optional.empty(), Optional.empty());
        }
    }

    PredictionTable current(MonitorSession s, CurrentData current) {
        return switch (current) {
            case CurrentData.Log l ->
                    PredictionLogs.read(
                            s,
                            logDirectory,
                            l.model(),
                            l.range(),
                            PredictionLogs.signatures(registry, l.model()));
            case CurrentData.File f -> {
                PredictionTable t = PredictionFiles.read(s, f.file(), f.layout(), f.range());
                yield new PredictionTable(
                        t.source(),
                        materialize(s, t.relation()),
                        t.timeColumn(),
                        t.orderColumns(),
                        t.columns(),
                        t.inputs(),
                        t.outputs());
            }
        };
    }

    /**
     * {@code relation} copied into a temporary table of the session: a text file is then parsed
     * once, not once per column and window.
     */
    static String materialize(MonitorSession s, String relation) {
        String table = "__monitored_" + TABLES.incrementAndGet();
        try (Statement st = s.connection().createStatement()) {
            st.execute("CREATE TEMP TABLE %s AS SELECT * FROM %s".formatted(table, relation));
        } catch (SQLException e) {
            throw InvalidInputException.of("file", "cannot read the file: " + DuckSql.reason(e));
        }
        return table;
    }

    Source reference(MonitorSession s, Optional<String> model, ReferenceData reference) {
        return switch (reference) {
            case ReferenceData.Training t -> {
                DatasetVersion v = trainingDataset(model, t.version());
                yield new Source(
                        "dataset %s (the training data of %s)".formatted(v.ref(), model.get()),
                        "read_parquet(%s)".formatted(DuckSql.str(v.snapshot().toString())));
            }
            case ReferenceData.Dataset d -> {
                DatasetVersion v = datasets.resolve(d.ref());
                yield new Source(
                        "dataset " + v.ref(),
                        "read_parquet(%s)".formatted(DuckSql.str(v.snapshot().toString())));
            }
            case ReferenceData.File f ->
                    new Source("file " + f.file(), materialize(s, PredictionFiles.scan(f.file())));
            case ReferenceData.Log l -> {
                String m =
                        model.orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                "reference",
                                                "a range of the prediction log as reference needs the model; give --model"));
                PredictionTable t = current(s, new CurrentData.Log(m, l.range()));
                yield new Source(t.source(), t.relation());
            }
        };
    }

    /**
     * As {@link #reference}, with the model's predictions of the training data when that is the
     * reference (scored by the model version of most rows of {@code cur}, unless one is named).
     */
    Source withPredictions(
            MonitorSession s,
            Optional<String> model,
            ReferenceData reference,
            PredictionTable cur) {
        Source plain = reference(s, model, reference);
        if (!(reference instanceof ReferenceData.Training t)) {
            return plain;
        }
        DatasetVersion data = trainingDataset(model, t.version());
        String m = model.orElseThrow();
        Optional<TrainingPredictions.Chosen> chosen = Optional.empty();
        try {
            chosen =
                    Optional.of(
                            TrainingPredictions.choose(
                                    s, registry, m, t.version(), cur, latestVersion(m)));
            ScoredReferences.Scored sc = scored.scored(chosen.get().version(), data);
            ReferencePredictions p =
                    new ReferencePredictions(
                            m,
                            chosen.get().version().version(),
                            data.ref().toString(),
                            sc.rows(),
                            sc.predictedRows(),
                            chosen.get().choice());
            return new Source(
                    plain.description(),
                    TrainingPredictions.relation(s, data, sc),
                    Optional.of(p),
                    Optional.empty());
        } catch (SlipwayException e) {
            String by = chosen.map(c -> c.version().toString()).orElse("model " + m);
            return new Source(
                    plain.description(),
                    plain.relation(),
                    Optional.empty(),
                    Optional.of(
                            "the training data %s could not be scored by %s to give the reference's predictions: %s"
                                    .formatted(data.ref(), by, e.getMessage())));
        }
    }

    DatasetVersion trainingDataset(Optional<String> model, OptionalInt version) {
        String m =
                model.orElseThrow(
                        () ->
                                InvalidInputException.of(
                                        "reference",
                                        "the default reference is the model's training data, so it needs a model; give --model, or a --reference file or dataset"));
        ModelVersion v =
                version.isPresent()
                        ? registry.resolve(new ModelRef.Version(m, version.getAsInt()))
                        : latestVersion(m);
        if (v.lineage().datasetName().isEmpty() || v.lineage().datasetVersion().isEmpty()) {
            throw InvalidInputException.of(
                    "reference",
                    "%s v%d was not trained by Slipway, so its training data is unknown; choose a reference: a dataset version or a file (--reference on the command line, reference= over HTTP)"
                            .formatted(m, v.version()));
        }
        return datasets.resolve(
                new DatasetRef(v.lineage().datasetName().get(), v.lineage().datasetVersion()));
    }

    /** The model's version an alias points to (champion first), else its newest. */
    ModelVersion latestVersion(String model) {
        List<ModelVersion> versions = registry.versions(model);
        if (versions.isEmpty()) {
            throw new NotFoundException(
                    "model", model, "model '%s' has no version".formatted(model));
        }
        return versions.stream()
                .filter(v -> v.aliases().contains("champion"))
                .findFirst()
                .orElse(versions.get(versions.size() - 1));
    }
}
