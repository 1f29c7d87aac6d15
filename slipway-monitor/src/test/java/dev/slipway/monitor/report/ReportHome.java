package dev.slipway.monitor.report;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.Task;
import dev.slipway.data.DataLimits;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProgressListener;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.alert.AlertHistory;
import dev.slipway.monitor.alert.AlertRules;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.alert.Alerts;
import dev.slipway.monitor.alert.Observations;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.perf.LabelOptions;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import dev.slipway.train.Holdout;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.Training;
import dev.slipway.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A home for report tests, built once per test JVM: model {@code adult-income} trained on the
 * shared Adult data (its training data {@code adult} is the default reference), a prediction log of
 * 3,000 rows of the Adult test data over three days (2024-05-01 to 2024-05-03, 1,000 rows a day)
 * written with DuckDB in the layout {@code slipway serve} documents, labels for every row, and one
 * firing alert. On the third day {@code age} is shifted by 25 years (it drifts there and overall),
 * and one row's {@code workclass} is {@link #HOSTILE}. The same log is also that of {@link
 * #UNLABELLED}.
 */
record ReportHome(Path root) {

    static final String MODEL = "adult-income";

    /** A model with the same log, no labels and no registration (compare it with a dataset). */
    static final String UNLABELLED = "adult-unlabelled";

    static final Instant DAY1 = Instant.parse("2024-05-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2024-05-04T08:00:00Z");
    static final String HOSTILE = "<script>alert(\"x\")</script> & 'co'";
    static final DataLimits LIMITS = new DataLimits(256, 2);

    private static ReportHome shared;

    /** The home, trained and logged on first use. */
    static synchronized ReportHome shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("slipway-report-test");
                build(root);
                shared = new ReportHome(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The home's parts, opened; close {@link #home()} when done. */
    Opened open() {
        SlipwayHome home = SlipwayHome.open(root);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Datasets datasets = new Datasets(home, clock, LIMITS);
        ModelRegistry registry = new ModelRegistry(home, List.of(), clock);
        Monitor monitor = new Monitor(home, registry, datasets, LIMITS, clock);
        return new Opened(
                home,
                datasets,
                registry,
                monitor,
                ValueCounts.of(monitor),
                new AlertHistory(home.metadata()),
                clock);
    }

    record Opened(
            SlipwayHome home,
            Datasets datasets,
            ModelRegistry registry,
            Monitor monitor,
            ValueCounts counts,
            AlertHistory alerts,
            Clock clock)
            implements AutoCloseable {
        @Override
        public void close() {
            home.close();
        }
    }

    private static void build(Path root) {
        try (SlipwayHome home = SlipwayHome.open(root)) {
            Clock clock = Clock.fixed(DAY1.minus(Duration.ofDays(1)), ZoneOffset.UTC);
            Datasets datasets = new Datasets(home, clock, LIMITS);
            ModelRegistry registry = new ModelRegistry(home, List.of(new XGBoostFormat()), clock);
            DatasetRef train = importShared(datasets, "adult_train.csv", "adult");
            DatasetRef test = importShared(datasets, "adult_test.csv", "adult_test");
            ModelVersion v =
                    new Training(datasets, registry, clock, 2)
                            .train(
                                    TrainSpec.of(train, "income")
                                            .withParams(Map.of("num_round", "10"))
                                            .withHoldout(new Holdout.TestSet(test))
                                            .withModelName(MODEL),
                                    TrainingListener.NONE)
                            .model();
            Signature signature = registry.manifest(v).signature();
            Path labels = writeLog(home, datasets.resolve(test), signature);
            Monitor monitor = new Monitor(home, registry, datasets, LIMITS, clock);
            // The task is given so that ingest does not look the model up by "name@version",
            // which Monitor writes where the registry expects "name/version".
            List<String> classes =
                    signature.outputs().stream()
                            .filter(c -> c.name().equals(Signature.PROBABILITIES))
                            .findFirst()
                            .orElseThrow()
                            .labels();
            monitor.labels(MODEL, labels, LabelOptions.defaults().expecting(Task.BINARY, classes));
            alert(home);
        }
    }

    private static DatasetRef importShared(Datasets datasets, String file, String name) {
        return datasets.importFile(
                        SharedData.dataset(file),
                        name,
                        ImportOptions.defaults(),
                        ProgressListener.NONE)
                .version()
                .ref();
    }

    /**
     * Writes the log from the test data and returns a CSV of its labels: a probability that leans
     * towards the true class, so that realized performance is good but not perfect.
     */
    private static Path writeLog(SlipwayHome home, DatasetVersion test, Signature signature) {
        List<String> inputs = signature.inputs().stream().map(ColumnSpec::name).toList();
        ColumnSpec proba =
                signature.outputs().stream()
                        .filter(c -> c.name().equals(Signature.PROBABILITIES))
                        .findFirst()
                        .orElseThrow();
        List<String> classes = proba.labels();
        List<String> select = new ArrayList<>();
        for (String in : inputs) {
            String q = DuckSql.id(in);
            select.add(
                    switch (in) {
                        case "age" -> "CASE WHEN i >= 2000 THEN age + 25 ELSE age END AS age";
                        case "workclass" ->
                                "CASE WHEN i = 2500 THEN %s ELSE workclass END AS workclass"
                                        .formatted(DuckSql.str(HOSTILE));
                        default -> q;
                    });
        }
        String p1 =
                "least(0.98, greatest(0.02, (CASE WHEN income = %s THEN 0.7 ELSE 0.25 END) + ((hash(i) %% 1000) / 1000.0 - 0.5) * 0.5))"
                        .formatted(DuckSql.str(classes.get(1)));
        Path logs = PredictionLogs.directory(home).resolve(MODEL);
        Path labels = home.root().resolve("labels.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            Files.createDirectories(logs);
            s.execute("SET TimeZone='UTC'");
            s.execute(
                    ("CREATE TABLE src AS SELECT row_number() OVER () - 1 AS i, * FROM read_parquet(%s) LIMIT 3000")
                            .formatted(DuckSql.str(test.snapshot().toString())));
            s.execute(
                    ("CREATE TABLE log AS SELECT 'r' || i AS request_id, 0 AS row_index,"
                                    + " TIMESTAMPTZ '2024-05-01 00:00:00+00' + to_seconds((i // 1000) * 86400 + (i %% 1000) * 60) AS ts,"
                                    + " %s AS model, 1 AS model_version, 'oip-rest' AS protocol, CAST(200 + i %% 100 AS BIGINT) AS latency_us,"
                                    + " %s, CASE WHEN p1 >= 0.5 THEN %s ELSE %s END AS label,"
                                    + " CAST(1 - p1 AS FLOAT) AS %s, CAST(p1 AS FLOAT) AS %s, income"
                                    + " FROM (SELECT *, %s AS p1 FROM src)")
                            .formatted(
                                    DuckSql.str(MODEL),
                                    String.join(", ", select),
                                    DuckSql.str(classes.get(1)),
                                    DuckSql.str(classes.get(0)),
                                    DuckSql.id("probabilities_" + classes.get(0)),
                                    DuckSql.id("probabilities_" + classes.get(1)),
                                    p1));
            s.execute(
                    ("COPY (SELECT * EXCLUDE (income), strftime(ts, '%%Y-%%m-%%d') AS date FROM log)"
                                    + " TO %s (FORMAT parquet, PARTITION_BY (date), FILENAME_PATTERN 'part-{i}')")
                            .formatted(DuckSql.str(logs.toString())));
            s.execute(
                    ("COPY (SELECT * EXCLUDE (income), strftime(ts, '%%Y-%%m-%%d') AS date FROM log)"
                                    + " TO %s (FORMAT parquet, PARTITION_BY (date), FILENAME_PATTERN 'part-{i}')")
                            .formatted(
                                    DuckSql.str(
                                            PredictionLogs.directory(home)
                                                    .resolve(UNLABELLED)
                                                    .toString())));
            s.execute(
                    "COPY (SELECT request_id, income AS label FROM log) TO %s (HEADER)"
                            .formatted(DuckSql.str(labels.toString())));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot write the test log under " + logs, e);
        }
        return labels;
    }

    /** Records one notification: the rule on age fired for the third day. */
    private static void alert(SlipwayHome home) {
        AlertRules rules =
                AlertRules.parse(
                        """
                        version: 1
                        rules:
                          - name: age-drift
                            model: adult-income
                            severity: warning
                            condition: {kind: column_drift, column: age}
                        """,
                        "rules.yaml");
        Instant day3 = DAY1.plus(Duration.ofDays(2));
        try (Alerts alerts = new Alerts(home.metadata(), rules, Clock.fixed(NOW, ZoneOffset.UTC))) {
            alerts.check(
                    Observations.builder(
                                    MODEL, new AlertWindow(day3, day3.plus(Duration.ofDays(1))))
                            .columnDrift("age", true, 0.9)
                            .build());
        }
    }
}
