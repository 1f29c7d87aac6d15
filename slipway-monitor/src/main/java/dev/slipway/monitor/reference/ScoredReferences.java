package dev.slipway.monitor.reference;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.data.BatchFiles;
import dev.slipway.data.DataLimits;
import dev.slipway.data.DatasetVersion;
import dev.slipway.monitor.log.LogOutputs;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model's training data scored by the model: the reference's predictions for prediction drift.
 * The rows of a dataset version are predicted in batches by a model version loaded through the
 * registry, and the outputs are written as the prediction log names them ({@code label}, {@code
 * probabilities_<class>}, {@code prediction}, ...) with {@link #ROW}, the row's 1-based position in
 * the dataset's snapshot.
 *
 * <p>The result is kept under {@code
 * <home>/monitor/reference-predictions/<model>/<version>-<dataset id>.parquet}, with a JSON sidecar
 * ({@code .json}) that says what was scored with what (format {@value Sidecar#FORMAT}, version
 * {@value Sidecar#VERSION}). It is reused while the sidecar matches the model version (its
 * manifest's sha256) and the dataset version (its snapshot's sha256), and scored again otherwise.
 * Both files are written to a temporary file and moved into place.
 *
 * <p>Thread-safe: scorings of the same file in this process wait for each other.
 */
public final class ScoredReferences {

    /** The column of the scored file that holds each row's 1-based position in the snapshot. */
    public static final String ROW = "__ref_row";

    private static final int BATCH = 4096;
    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final SlipwayHome home;
    private final ModelRegistry registry;
    private final DataLimits limits;
    private final Clock clock;

    /**
     * A scored reference on disk.
     *
     * @param file the Parquet file: {@link #ROW}, then the outputs
     * @param outputs the names of its output columns, as the log names them
     * @param rows the rows of the dataset version
     * @param predictedRows the rows that got predictions
     * @param reused whether the file was already there
     */
    public record Scored(
            Path file, List<String> outputs, long rows, long predictedRows, boolean reused) {
        public Scored {
            Objects.requireNonNull(file, "file");
            outputs = List.copyOf(outputs);
        }
    }

    public ScoredReferences(
            SlipwayHome home, ModelRegistry registry, DataLimits limits, Clock clock) {
        this.home = Objects.requireNonNull(home, "home");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The folder of the scored references: {@code <home>/monitor/reference-predictions}. */
    public static Path directory(SlipwayHome home) {
        return home.root().resolve("monitor").resolve("reference-predictions");
    }

    /** Where {@code dataset} scored by {@code version} is kept. */
    public static Path file(SlipwayHome home, ModelVersion version, DatasetVersion dataset) {
        return directory(home)
                .resolve(version.name())
                .resolve(version.version() + "-" + dataset.id() + ".parquet");
    }

    /** The sidecar of a scored file: the same name with {@code .json}. */
    public static Path sidecar(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(
                name.substring(0, name.length() - ".parquet".length()) + ".json");
    }

    /**
     * {@code dataset} scored by {@code version}: the kept file when its sidecar matches, else
     * scored now and kept.
     *
     * @throws dev.slipway.api.NotFoundException when this registry cannot load the model's format
     * @throws InvalidInputException when the model refuses the dataset's rows
     * @throws dev.slipway.api.IncompatibleFormatException when a newer Slipway wrote the sidecar
     * @throws dev.slipway.api.CorruptDataException when the sidecar or the package is damaged
     * @throws StoreException when the files cannot be written
     */
    public Scored scored(ModelVersion version, DatasetVersion dataset) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dataset, "dataset");
        Path file = file(home, version, dataset);
        Object lock = LOCKS.computeIfAbsent(file, f -> new Object());
        synchronized (lock) {
            Sidecar wanted =
                    new Sidecar(
                            version.name(),
                            version.version(),
                            version.manifest().hex(),
                            dataset.ref().toString(),
                            dataset.snapshotSha256(),
                            dataset.rows(),
                            0,
                            clock.instant(),
                            slipwayVersion());
            List<String> outputs =
                    LogOutputs.of(registry.manifest(version).signature()).stream()
                            .map(LogOutputs.Column::name)
                            .toList();
            Optional<Sidecar> kept = Sidecar.read(sidecar(file));
            if (kept.isPresent() && kept.get().sameScoring(wanted) && Files.isRegularFile(file)) {
                return new Scored(
                        file, outputs, kept.get().rows(), kept.get().predictedRows(), true);
            }
            long predicted = score(version, dataset, file);
            Sidecar written =
                    new Sidecar(
                            wanted.model(),
                            wanted.modelVersion(),
                            wanted.manifestSha256(),
                            wanted.dataset(),
                            wanted.datasetSha256(),
                            wanted.rows(),
                            predicted,
                            wanted.created(),
                            wanted.slipwayVersion());
            writeSidecar(sidecar(file), written);
            return new Scored(file, outputs, dataset.rows(), predicted, false);
        }
    }

    /** Scores the snapshot's rows in batches into {@code file}; returns the rows predicted. */
    private long score(ModelVersion version, DatasetVersion dataset, Path file) {
        BatchFiles files = new BatchFiles(home, limits);
        try (Predictor predictor = registry.load(version)) {
            List<LogOutputs.Column> outputs = LogOutputs.of(predictor.signature());
            List<ColumnSpec> specs = new ArrayList<>();
            specs.add(ColumnSpec.scalar(ROW, DType.INT64));
            for (LogOutputs.Column o : outputs) {
                specs.add(ColumnSpec.scalar(o.name(), o.source().dtype()));
            }
            try (BatchFiles.Reader reader =
                            files.open(dataset.snapshot(), predictor.signature().inputs(), BATCH);
                    BatchFiles.Writer writer = files.create(file, specs)) {
                for (Optional<BatchFiles.Chunk> c = reader.next();
                        c.isPresent();
                        c = reader.next()) {
                    BatchFiles.Chunk chunk = c.get();
                    if (chunk.rows().length == 0) {
                        continue;
                    }
                    Frame predicted;
                    try {
                        predicted = predictor.predict(chunk.inputs());
                    } catch (InvalidInputException e) {
                        throw InvalidInputException.of(
                                dataset.ref().toString(),
                                "%s refuses rows %d to %d of its training data %s: %s"
                                        .formatted(
                                                version,
                                                chunk.rows()[0],
                                                chunk.rows()[chunk.rows().length - 1],
                                                dataset.ref(),
                                                e.getMessage()));
                    }
                    List<Column> columns = new ArrayList<>();
                    columns.add(new LongColumn(ROW, 1, chunk.rows().clone(), new BitSet()));
                    for (LogOutputs.Column o : outputs) {
                        Column source =
                                predicted
                                        .find(o.source().name())
                                        .orElseThrow(
                                                () ->
                                                        new StoreException(
                                                                "%s gave no output '%s' though its signature names it; it gave %s"
                                                                        .formatted(
                                                                                version,
                                                                                o.source().name(),
                                                                                predicted
                                                                                        .names())));
                        columns.add(position(source, o.position(), o.name()));
                    }
                    writer.write(new Frame(chunk.rows().length, columns));
                }
                long rows = writer.rows();
                writer.commit();
                return rows;
            }
        }
    }

    /** Position {@code p} of a wide column (the whole column when -1), as a scalar column. */
    static Column position(Column c, int p, String name) {
        if (p < 0 || c.width() == 1) {
            return c.renamed(name);
        }
        int n = c.rows();
        int w = c.width();
        BitSet nulls = (BitSet) c.nulls().clone();
        return switch (c) {
            case DoubleColumn d -> {
                double[] v = new double[n];
                for (int r = 0; r < n; r++) {
                    v[r] = d.values()[r * w + p];
                }
                yield new DoubleColumn(name, 1, v, nulls);
            }
            case FloatColumn f -> {
                float[] v = new float[n];
                for (int r = 0; r < n; r++) {
                    v[r] = f.values()[r * w + p];
                }
                yield new FloatColumn(name, 1, v, nulls);
            }
            case LongColumn l -> {
                long[] v = new long[n];
                for (int r = 0; r < n; r++) {
                    v[r] = l.values()[r * w + p];
                }
                yield new LongColumn(name, 1, v, nulls);
            }
            case BoolColumn b -> {
                boolean[] v = new boolean[n];
                for (int r = 0; r < n; r++) {
                    v[r] = b.values()[r * w + p];
                }
                yield new BoolColumn(name, 1, v, nulls);
            }
            case StringColumn s -> {
                String[] v = new String[n];
                for (int r = 0; r < n; r++) {
                    v[r] = s.values()[r * w + p];
                }
                yield new StringColumn(name, 1, v, nulls);
            }
        };
    }

    private void writeSidecar(Path target, Sidecar sidecar) {
        try (Workspace ws = home.newWorkspace("reference-predictions")) {
            Path temp = ws.path().resolve(target.getFileName().toString());
            Files.write(temp, sidecar.toJson());
            home.publish(temp, target);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot write %s: %s; check that the disk has room".formatted(target, e), e);
        }
    }

    /** The Slipway version of this build, from its jar; "development" when run from classes. */
    static String slipwayVersion() {
        String v = ScoredReferences.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
