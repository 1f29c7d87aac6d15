package dev.slipway.monitor;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.StoreException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ModelRef;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.monitor.drift.ColumnCounts;
import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.drift.DriftColumn;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.drift.DuckDbDrift;
import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.outlier.OutlierOptions;
import dev.slipway.monitor.outlier.OutlierSummary;
import dev.slipway.monitor.outlier.Outliers;
import dev.slipway.monitor.perf.IngestResult;
import dev.slipway.monitor.perf.LabelOptions;
import dev.slipway.monitor.perf.LabelStore;
import dev.slipway.monitor.perf.ModelBaseline;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.perf.PerformanceSpec;
import dev.slipway.monitor.perf.PredictionColumns;
import dev.slipway.monitor.perf.RealizedPerformance;
import dev.slipway.monitor.quality.DataQuality;
import dev.slipway.monitor.quality.QualityReport;
import dev.slipway.monitor.reference.ScoredReferences;
import dev.slipway.monitor.window.Window;
import dev.slipway.monitor.window.WindowSet;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.monitor.window.Windows;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Monitoring of a home's models: where a drift report, realized performance, outliers and data
 * quality are computed from a prediction log (or files) and a reference. The one entry point the
 * CLI, the server and the console use. Thread-safe: every call opens its own DuckDB session.
 */
public final class Monitor {

    private final SlipwayHome home;
    private final ModelRegistry registry;
    private final Datasets datasets;
    private final DataLimits limits;
    private final Clock clock;
    private final LabelStore labels;
    private final ScoredReferences scored;
    private final Sources sources;

    public Monitor(
            SlipwayHome home,
            ModelRegistry registry,
            Datasets datasets,
            DataLimits limits,
            Clock clock) {
        this.home = Objects.requireNonNull(home, "home");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.datasets = Objects.requireNonNull(datasets, "datasets");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.labels = new LabelStore(home, limits, clock);
        this.scored = new ScoredReferences(home, registry, limits, clock);
        this.sources = new Sources(registry, datasets, scored, PredictionLogs.directory(home));
    }

    /** The folder of the prediction log this monitor reads. */
    public Path logDirectory() {
        return PredictionLogs.directory(home);
    }

    /**
     * Drift of the inputs (and, when both sides have them, the outputs) between the reference and
     * the current data, overall and per window.
     *
     * @throws InvalidInputException when a source cannot be read, no column is shared, or a named
     *     column is missing
     * @throws NotFoundException when the model, its log or its training data is unknown
     */
    public DriftReport drift(DriftRequest request) {
        Objects.requireNonNull(request, "request");
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable cur = sources.current(s, request.current());
            boolean outputsCompared = !cur.outputs().isEmpty() && request.columns().isEmpty();
            Sources.Source ref =
                    outputsCompared
                            ? sources.withPredictions(s, request.model(), request.reference(), cur)
                            : sources.reference(s, request.model(), request.reference());
            Set<String> refNames = names(s, ref.relation());
            Set<String> comparable = new HashSet<>();
            DuckDbDrift.columns(s.connection(), ref.relation(), cur.relation())
                    .forEach(c -> comparable.add(c.name()));
            List<DriftColumn> inputs =
                    inputColumns(request.columns(), cur, refNames, ref, comparable);
            List<DriftColumn> outputs =
                    cur.outputNames().stream()
                            .filter(refNames::contains)
                            .filter(n -> request.columns().isEmpty())
                            .map(DriftColumn::of)
                            .toList();
            DriftOptions options = request.options();
            var conn = s.connection();
            DatasetDrift data =
                    DuckDbDrift.dataset(conn, ref.relation(), cur.relation(), inputs, options);
            Optional<DatasetDrift> prediction =
                    outputs.isEmpty()
                            ? Optional.empty()
                            : Optional.of(
                                    DuckDbDrift.dataset(
                                            conn,
                                            ref.relation(),
                                            cur.relation(),
                                            outputs,
                                            options));
            Optional<String> note =
                    prediction.isPresent() || cur.outputs().isEmpty()
                            ? Optional.empty()
                            : ref.unscored().isPresent()
                                    ? Optional.of("no prediction drift: " + ref.unscored().get())
                                    : Optional.of(
                                            "no prediction drift: the reference (%s) has none of the outputs %s; take a range of the log (slipway monitor --reference-from/--reference-to) or a file with predictions as reference"
                                                    .formatted(
                                                            ref.description(), cur.outputNames()));
            List<WindowDrift> windows = new ArrayList<>();
            if (request.window().isPresent()) {
                WindowSet ws = Windows.split(s, cur, request.window().get());
                for (Window w : ws.windows()) {
                    windows.add(windowDrift(s, ref, ws, w, inputs, outputs, options));
                }
            }
            return new DriftReport(
                    ref.description(),
                    cur.source(),
                    s.count(ref.relation()),
                    s.count(cur.relation()),
                    data,
                    prediction,
                    note,
                    windows,
                    ref.predictions());
        } catch (SQLException e) {
            throw new StoreException("cannot compute drift: " + DuckSql.reason(e), e);
        }
    }

    /**
     * Stores labels for {@code model} from a CSV, Parquet or JSON-lines file.
     *
     * @throws InvalidInputException when the key or label column is missing or a label does not
     *     suit the model's task
     */
    public IngestResult labels(String model, Path file, LabelOptions options) {
        return labels.ingest(model, file, expecting(model, options));
    }

    /** Stores labels for {@code model} given as rows (e.g. the JSON body of an HTTP request). */
    public IngestResult labels(
            String model, List<? extends Map<String, ?>> rows, LabelOptions options) {
        return labels.ingest(model, rows, expecting(model, options));
    }

    /**
     * Realized performance of {@code model} over its log in {@code current}, per window, compared
     * with the metrics recorded at training.
     *
     * @param keyColumn the column labels are keyed by ({@code request_id} for the log)
     * @throws NotFoundException when the model or its log is unknown
     */
    public PerformanceReport performance(
            String model, CurrentData current, WindowSpec window, String keyColumn) {
        return performance(model, current, window, keyColumn, Optional.empty());
    }

    /**
     * As {@link #performance(String, CurrentData, WindowSpec, String)}, reading the predictions
     * from the given columns (for a file whose columns are not named as the log's are).
     */
    public PerformanceReport performance(
            String model,
            CurrentData current,
            WindowSpec window,
            String keyColumn,
            Optional<PredictionColumns> columns) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable data = sources.current(s, current);
            Optional<ModelBaseline> baseline = baseline(s, model, data);
            PerformanceSpec spec =
                    PerformanceSpec.of(
                                    window,
                                    columns.orElseGet(
                                            () -> PredictionColumns.infer(data, baseline)))
                            .withKeyColumn(keyColumn);
            if (baseline.isPresent()) {
                spec = spec.comparedWith(baseline.get());
            }
            return RealizedPerformance.compute(s, data, labels, model, spec);
        }
    }

    /**
     * Each column's distinct values with their counts in the reference and the current data, as
     * drift is computed from them (for distribution charts).
     *
     * @throws InvalidInputException as {@link #drift}
     */
    public List<ColumnCounts> counts(
            Optional<String> model,
            ReferenceData reference,
            CurrentData current,
            List<DriftColumn> columns) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable cur = sources.current(s, current);
            Sources.Source ref = sources.reference(s, model, reference);
            List<ColumnCounts> out = new ArrayList<>();
            for (DriftColumn c : columns) {
                out.add(DuckDbDrift.counts(s.connection(), ref.relation(), cur.relation(), c));
            }
            return out;
        }
    }

    /**
     * The values of input columns in the reference and the current data, counted as drift counts
     * them: {@code columns}, or every input drift compares when it is empty.
     *
     * @throws InvalidInputException as {@link #drift}
     * @throws NotFoundException when the model, its log or its training data is unknown
     */
    public Distributions distributions(
            Optional<String> model,
            ReferenceData reference,
            CurrentData current,
            List<String> columns) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable cur = sources.current(s, current);
            Sources.Source ref = sources.reference(s, model, reference);
            Set<String> comparable = new HashSet<>();
            DuckDbDrift.columns(s.connection(), ref.relation(), cur.relation())
                    .forEach(c -> comparable.add(c.name()));
            List<ColumnCounts> out = new ArrayList<>();
            for (DriftColumn c :
                    inputColumns(columns, cur, names(s, ref.relation()), ref, comparable)) {
                out.add(DuckDbDrift.counts(s.connection(), ref.relation(), cur.relation(), c));
            }
            return new Distributions(
                    ref.description(),
                    cur.source(),
                    s.count(ref.relation()),
                    s.count(cur.relation()),
                    out,
                    Optional.empty(),
                    Optional.empty());
        } catch (SQLException e) {
            throw new StoreException("cannot count the values: " + DuckSql.reason(e), e);
        }
    }

    /**
     * The values of the model's outputs (its predictions) in the current data and in the reference:
     * a range of the log, a file with predictions, or the training data scored by the model (see
     * {@link ScoredReferences}). A dataset given as reference has none: then only the current
     * values are counted, and the note says how to compare.
     *
     * @throws InvalidInputException when a source cannot be read
     * @throws NotFoundException when the model, its log or its training data is unknown
     */
    public Distributions predictionDistributions(
            Optional<String> model, ReferenceData reference, CurrentData current) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable cur = sources.current(s, current);
            Sources.Source ref =
                    cur.outputs().isEmpty()
                            ? sources.reference(s, model, reference)
                            : sources.withPredictions(s, model, reference, cur);
            Set<String> refNames = names(s, ref.relation());
            // A column the reference lacks is counted against no rows of the same type.
            String none = "(SELECT * FROM %s WHERE false)".formatted(cur.relation());
            List<ColumnCounts> out = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String c : cur.outputNames()) {
                boolean shared = refNames.contains(c);
                if (!shared) {
                    missing.add(c);
                }
                out.add(
                        DuckDbDrift.counts(
                                s.connection(),
                                shared ? ref.relation() : none,
                                cur.relation(),
                                DriftColumn.of(c)));
            }
            Optional<String> note =
                    cur.outputNames().isEmpty()
                            ? Optional.of(
                                    "the current data (%s) has no prediction columns"
                                            .formatted(cur.source()))
                            : missing.isEmpty()
                                    ? Optional.empty()
                                    : ref.unscored().isPresent()
                                            ? Optional.of(
                                                    ref.unscored().get()
                                                            + ", so only the current predictions are shown")
                                            : Optional.of(
                                                    "the reference (%s) has no predictions %s, so only the current ones are shown; to compare, take a range of the log as reference (reference_from and reference_to over HTTP, --reference-from and --reference-to with slipway monitor)"
                                                            .formatted(ref.description(), missing));
            return new Distributions(
                    ref.description(),
                    cur.source(),
                    s.count(ref.relation()),
                    s.count(cur.relation()),
                    out,
                    note,
                    ref.predictions());
        } catch (SQLException e) {
            throw new StoreException("cannot count the predictions: " + DuckSql.reason(e), e);
        }
    }

    /**
     * The rows of the current data and the share of missing values of each input; no rows when a
     * model has no prediction log yet.
     *
     * @param rows the rows
     * @param inputNullRates per input column, in order, the share of rows where it is missing
     *     (empty when there are no rows)
     */
    public record RowCounts(long rows, Map<String, Double> inputNullRates) {
        public RowCounts {
            inputNullRates =
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputNullRates));
        }
    }

    /** Counts the rows of {@code current} and the missing values of its inputs, in one scan. */
    public RowCounts rowCounts(CurrentData current) {
        if (current instanceof CurrentData.Log l
                && !PredictionLogs.exists(logDirectory(), l.model())) {
            return new RowCounts(0, Map.of());
        }
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable cur = sources.current(s, current);
            StringBuilder sql = new StringBuilder("SELECT count(*)");
            for (DataColumn c : cur.inputs()) {
                sql.append(", count(").append(DuckSql.id(c.name())).append(')');
            }
            sql.append(" FROM ").append(cur.relation());
            try (Statement st = s.connection().createStatement();
                    ResultSet rs = st.executeQuery(sql.toString())) {
                rs.next();
                long rows = rs.getLong(1);
                Map<String, Double> rates = new LinkedHashMap<>();
                if (rows > 0) {
                    for (int i = 0; i < cur.inputs().size(); i++) {
                        rates.put(
                                cur.inputs().get(i).name(),
                                (rows - rs.getLong(i + 2)) / (double) rows);
                    }
                }
                return new RowCounts(rows, rates);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the rows: " + DuckSql.reason(e), e);
        }
    }

    /** The number of labels stored for {@code model}. */
    public long labelCount(String model) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            return labels.count(s, model);
        }
    }

    /**
     * Outlier scores of the current data's inputs against the reference.
     *
     * @throws InvalidInputException when the two share no input column
     */
    public OutlierSummary outliers(
            Optional<String> model,
            ReferenceData reference,
            CurrentData current,
            OutlierOptions options) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable cur = sources.current(s, current);
            Sources.Source ref = sources.reference(s, model, reference);
            Set<String> refNames = names(s, ref.relation());
            List<DataColumn> features =
                    cur.inputs().stream().filter(c -> refNames.contains(c.name())).toList();
            List<String> keys = new ArrayList<>();
            for (String k :
                    List.of(
                            PredictionLogs.REQUEST_ID,
                            PredictionLogs.ROW_INDEX,
                            cur.timeColumn())) {
                if (cur.column(k).isPresent() && !keys.contains(k)) {
                    keys.add(k);
                }
            }
            if (keys.isEmpty()) {
                keys.addAll(cur.orderColumns());
            }
            return Outliers.score(
                    s.connection(),
                    ref.relation(),
                    cur.relation(),
                    features,
                    keys,
                    cur.orderColumns(),
                    options);
        }
    }

    /**
     * Data quality of the current data's inputs against a dataset version (the model's training
     * data by default). Empty when the reference is not a dataset version.
     */
    public Optional<QualityReport> quality(
            Optional<String> model, ReferenceData reference, CurrentData current) {
        Optional<DatasetRef> dataset =
                switch (reference) {
                    case ReferenceData.Training t ->
                            Optional.of(sources.trainingDataset(model, t.version()).ref());
                    case ReferenceData.Dataset d -> Optional.of(d.ref());
                    case ReferenceData.File f -> Optional.empty();
                    case ReferenceData.Log l -> Optional.empty();
                };
        if (dataset.isEmpty()) {
            return Optional.empty();
        }
        try (MonitorSession s = MonitorSession.open(home, limits);
                Workspace ws = home.newWorkspace("quality")) {
            PredictionTable cur = sources.current(s, current);
            return Optional.of(
                    DataQuality.check(
                            datasets,
                            dataset.get(),
                            s.connection(),
                            cur.relation(),
                            cur.inputNames(),
                            ws.path()));
        }
    }

    /**
     * Latency of the answered requests in the current data (a log), in milliseconds: p50 and p99.
     * Empty for a file without a {@code latency_us} column, or no rows.
     */
    public Optional<double[]> latencyMillis(CurrentData current) {
        try (MonitorSession s = MonitorSession.open(home, limits)) {
            PredictionTable cur = sources.current(s, current);
            if (cur.column("latency_us").isEmpty()) {
                return Optional.empty();
            }
            try (Statement st = s.connection().createStatement();
                    ResultSet rs =
                            st.executeQuery(
                                    "SELECT quantile_cont(latency_us, 0.5) / 1000.0, quantile_cont(latency_us, 0.99) / 1000.0 FROM "
                                            + cur.relation())) {
                rs.next();
                double p50 = rs.getDouble(1);
                if (rs.wasNull()) {
                    return Optional.empty();
                }
                return Optional.of(new double[] {p50, rs.getDouble(2)});
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read latencies: " + DuckSql.reason(e), e);
        }
    }

    private Optional<ModelBaseline> baseline(MonitorSession s, String model, PredictionTable data) {
        try {
            int version = sources.latestVersion(model).version();
            if (data.column(PredictionLogs.MODEL_VERSION).isPresent()) {
                try (Statement st = s.connection().createStatement();
                        ResultSet rs =
                                st.executeQuery(
                                        "SELECT max(%s) FROM %s"
                                                .formatted(
                                                        DuckSql.id(PredictionLogs.MODEL_VERSION),
                                                        data.relation()))) {
                    rs.next();
                    int v = rs.getInt(1);
                    if (!rs.wasNull()) {
                        version = v;
                    }
                }
            }
            return Optional.of(ModelBaseline.of(registry, new ModelRef.Version(model, version)));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read model versions: " + DuckSql.reason(e), e);
        }
    }

    private LabelOptions expecting(String model, LabelOptions options) {
        if (options.task().isPresent()) {
            return options;
        }
        try {
            ModelBaseline b =
                    ModelBaseline.of(
                            registry,
                            new ModelRef.Version(model, sources.latestVersion(model).version()));
            return b.task().isPresent() ? options.expecting(b.task().get(), b.classes()) : options;
        } catch (NotFoundException e) {
            return options;
        }
    }

    private static Set<String> names(MonitorSession s, String relation) {
        Set<String> names = new HashSet<>();
        try {
            s.describe(relation).forEach(c -> names.add(c.name()));
        } catch (SQLException e) {
            throw InvalidInputException.of(
                    "reference", "cannot read the reference: " + DuckSql.reason(e));
        }
        return names;
    }

    private static List<DriftColumn> inputColumns(
            List<String> columns,
            PredictionTable cur,
            Set<String> refNames,
            Sources.Source ref,
            Set<String> comparable) {
        if (!columns.isEmpty()) {
            for (String c : columns) {
                if (cur.column(c).isEmpty() || !refNames.contains(c)) {
                    throw InvalidInputException.of(
                            c,
                            "column '%s' is not in both the reference (%s) and the current data (%s); shared columns: %s"
                                    .formatted(
                                            c,
                                            ref.description(),
                                            cur.source(),
                                            cur.columnNames().stream()
                                                    .filter(refNames::contains)
                                                    .toList()));
                }
            }
            return columns.stream().map(DriftColumn::of).toList();
        }
        List<DriftColumn> shared =
                cur.inputNames().stream()
                        .filter(refNames::contains)
                        .filter(comparable::contains)
                        .map(DriftColumn::of)
                        .toList();
        if (shared.isEmpty()) {
            throw InvalidInputException.of(
                    "columns",
                    "the reference (%s) and the current data (%s) share no input column; the current data has %s"
                            .formatted(ref.description(), cur.source(), cur.inputNames()));
        }
        return shared;
    }

    private static WindowDrift windowDrift(
            MonitorSession s,
            Sources.Source ref,
            WindowSet ws,
            Window w,
            List<DriftColumn> inputs,
            List<DriftColumn> outputs,
            DriftOptions options) {
        if (w.rows() == 0) {
            return new WindowDrift(
                    w, Optional.empty(), Optional.empty(), Optional.of("no rows in this window"));
        }
        String rel = "(SELECT * FROM %s WHERE %s)".formatted(ws.relation(), w.where());
        try {
            DatasetDrift data =
                    DuckDbDrift.dataset(s.connection(), ref.relation(), rel, inputs, options);
            Optional<DatasetDrift> pred =
                    outputs.isEmpty()
                            ? Optional.empty()
                            : Optional.of(
                                    DuckDbDrift.dataset(
                                            s.connection(), ref.relation(), rel, outputs, options));
            return new WindowDrift(w, Optional.of(data), pred, Optional.empty());
        } catch (InvalidInputException e) {
            return new WindowDrift(
                    w, Optional.empty(), Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
