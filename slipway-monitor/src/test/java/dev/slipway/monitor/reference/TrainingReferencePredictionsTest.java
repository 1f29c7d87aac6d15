package dev.slipway.monitor.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.data.BatchFiles;
import dev.slipway.data.DataLimits;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProgressListener;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.Distributions;
import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.DriftRequest;
import dev.slipway.monitor.Monitor;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.drift.ColumnCounts;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.Range;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import dev.slipway.train.Holdout;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.Training;
import dev.slipway.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prediction drift against the training data, on a real home: {@code adult-income} trained twice on
 * the shared Adult data (v1 and v2), and a log of 1,000 rows of the Adult test data with {@code
 * age} shifted, 700 of them predicted by v1 and 300 by v2.
 */
class TrainingReferencePredictionsTest {

    private static final String MODEL = "adult-income";
    private static final DataLimits LIMITS = new DataLimits(256, 2);
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2024-05-04T00:00:00Z"), ZoneOffset.UTC);
    private static final CurrentData LOG = new CurrentData.Log(MODEL, Range.all());

    private static Path root;
    private static SlipwayHome home;
    private static Datasets datasets;
    private static ModelRegistry registry;
    private static Monitor monitor;
    private static ModelVersion v1;
    private static ModelVersion v2;
    private static DatasetVersion train;

    @BeforeAll
    static void build() throws IOException {
        root = Files.createTempDirectory("slipway-reference-predictions");
        home = SlipwayHome.open(root);
        datasets = new Datasets(home, CLOCK, LIMITS);
        registry = new ModelRegistry(home, List.of(new XGBoostFormat()), CLOCK);
        DatasetRef trainRef = importShared("adult_train.csv", "adult");
        DatasetRef testRef = importShared("adult_test.csv", "adult_test");
        v1 = train(trainRef, testRef, "10");
        v2 = train(trainRef, testRef, "4");
        train = datasets.resolve(trainRef);
        writeLog(datasets.resolve(testRef), registry.manifest(v1).signature());
        monitor = new Monitor(home, registry, datasets, LIMITS, CLOCK);
    }

    @AfterAll
    static void close() {
        home.close();
    }

    private static DatasetRef importShared(String file, String name) {
        return datasets.importFile(
                        SharedData.dataset(file),
                        name,
                        ImportOptions.defaults(),
                        ProgressListener.NONE)
                .version()
                .ref();
    }

    private static ModelVersion train(DatasetRef trainRef, DatasetRef testRef, String rounds) {
        return new Training(datasets, registry, CLOCK, 2)
                .train(
                        TrainSpec.of(trainRef, "income")
                                .withParams(Map.of("num_round", rounds))
                                .withHoldout(new Holdout.TestSet(testRef))
                                .withModelName(MODEL),
                        TrainingListener.NONE)
                .model();
    }

    /** 1,000 test rows, age + 20, in the log's layout; rows 700..999 are logged as v2's. */
    private static void writeLog(DatasetVersion test, Signature signature) {
        List<String> select = new ArrayList<>();
        for (ColumnSpec in : signature.inputs()) {
            select.add(in.name().equals("age") ? "age + 20 AS age" : DuckSql.id(in.name()));
        }
        List<String> classes =
                signature.outputs().stream()
                        .filter(c -> c.name().equals(Signature.PROBABILITIES))
                        .findFirst()
                        .orElseThrow()
                        .labels();
        Path logs = PredictionLogs.directory(home).resolve(MODEL);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            Files.createDirectories(logs);
            s.execute("SET TimeZone='UTC'");
            s.execute(
                    ("CREATE TABLE src AS SELECT row_number() OVER () - 1 AS i, * FROM read_parquet(%s) LIMIT 1000")
                            .formatted(DuckSql.str(test.snapshot().toString())));
            String p1 = "least(0.95, greatest(0.05, (hash(i) % 1000) / 1000.0))";
            s.execute(
                    ("COPY (SELECT 'r' || i AS request_id, 0 AS row_index,"
                                    + " TIMESTAMPTZ '2024-05-01 00:00:00+00' + to_seconds(i * 60) AS ts,"
                                    + " %s AS model, CASE WHEN i < 700 THEN 1 ELSE 2 END AS model_version,"
                                    + " 'oip-rest' AS protocol, CAST(200 AS BIGINT) AS latency_us, %s,"
                                    + " CASE WHEN p1 >= 0.5 THEN %s ELSE %s END AS label,"
                                    + " CAST(1 - p1 AS FLOAT) AS %s, CAST(p1 AS FLOAT) AS %s,"
                                    + " '2024-05-01' AS date FROM (SELECT *, %s AS p1 FROM src))"
                                    + " TO %s (FORMAT parquet, PARTITION_BY (date), FILENAME_PATTERN 'part-{i}')")
                            .formatted(
                                    DuckSql.str(MODEL),
                                    String.join(", ", select),
                                    DuckSql.str(classes.get(1)),
                                    DuckSql.str(classes.get(0)),
                                    DuckSql.id("probabilities_" + classes.get(0)),
                                    DuckSql.id("probabilities_" + classes.get(1)),
                                    p1,
                                    DuckSql.str(logs.toString())));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot write the test log under " + logs, e);
        }
    }

    private static DriftReport drift(ReferenceData reference) {
        return monitor.drift(
                new DriftRequest(
                        Optional.of(MODEL),
                        reference,
                        LOG,
                        List.of(),
                        DriftOptions.defaults(),
                        Optional.empty()));
    }

    @Test
    void scored_trainingData_equalsTheModelsOwnPredictions() throws SQLException {
        drift(new ReferenceData.Training(OptionalInt.of(1)));
        Path file = ScoredReferences.file(home, v1, train);
        int n = 2000;
        Frame expected;
        try (Predictor predictor = registry.load(v1.ref());
                BatchFiles.Reader reader =
                        new BatchFiles(home, LIMITS)
                                .open(train.snapshot(), predictor.signature().inputs(), n)) {
            BatchFiles.Chunk chunk = reader.next().orElseThrow();
            assertThat(chunk.rejected()).isEmpty();
            expected = predictor.predict(chunk.inputs());
        }
        StringColumn labels = (StringColumn) expected.column(Signature.LABEL);
        FloatColumn probabilities = (FloatColumn) expected.column(Signature.PROBABILITIES);
        List<String> classes =
                registry.manifest(v1).signature().outputs().stream()
                        .filter(c -> c.name().equals(Signature.PROBABILITIES))
                        .findFirst()
                        .orElseThrow()
                        .labels();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT %s, label, %s, %s FROM read_parquet(%s) ORDER BY 1 LIMIT %d"
                                        .formatted(
                                                DuckSql.id(ScoredReferences.ROW),
                                                DuckSql.id("probabilities_" + classes.get(0)),
                                                DuckSql.id("probabilities_" + classes.get(1)),
                                                DuckSql.str(file.toString()),
                                                n))) {
            int row = 0;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(row + 1);
                assertThat(rs.getString(2)).isEqualTo(labels.values()[row]);
                assertThat(rs.getDouble(3)).isCloseTo(probabilities.get(row, 0), offset(1e-6));
                assertThat(rs.getDouble(4)).isCloseTo(probabilities.get(row, 1), offset(1e-6));
                row++;
            }
            assertThat(row).isEqualTo(n);
        }
    }

    @Test
    void drift_trainingReference_comparesPredictionsWithTheVersionOfMostRows() {
        DriftReport r = drift(new ReferenceData.Training());

        assertThat(r.predictionNote()).isEmpty();
        assertThat(r.referencePredictions()).isPresent();
        assertThat(r.referencePredictions().get().version()).isEqualTo(1);
        assertThat(r.referencePredictions().get().choice())
                .contains("most rows", "700 of 1000", "v2: 300");
        assertThat(r.referencePredictions().get().rows()).isEqualTo(train.rows());
        List<ColumnDrift> columns = r.prediction().orElseThrow().columns();
        assertThat(columns)
                .extracting(ColumnDrift::column)
                .contains("label")
                .anyMatch(c -> c.startsWith("probabilities_"));
        for (ColumnDrift c : columns) {
            assertThat(c.score()).as(c.column()).isFinite();
            assertThat(c.nRef()).as(c.column()).isEqualTo(train.rows());
        }
        // More than 1,000 rows on each side: distances, as for the inputs.
        assertThat(r.prediction().get().columns().get(0).method().label())
                .isEqualTo("jensenshannon");
        JsonNode json = MonitorJson.drift(r).get("reference_predictions");
        assertThat(json.get("model_version").asInt()).isEqualTo(1);
        assertThat(json.get("dataset").asText()).isEqualTo(train.ref().toString());
    }

    @Test
    void predictionDistributions_trainingReference_countsTheTrainingRowsPredictions() {
        Distributions d =
                monitor.predictionDistributions(
                        Optional.of(MODEL), new ReferenceData.Training(), LOG);

        assertThat(d.note()).isEmpty();
        assertThat(d.referencePredictions()).isPresent();
        for (ColumnCounts c : d.columns()) {
            assertThat(c.nRef()).as(c.toString()).isEqualTo(train.rows());
        }
    }

    @Test
    void scored_secondCall_reusesTheKeptFile() throws IOException {
        drift(new ReferenceData.Training(OptionalInt.of(1)));
        Path file = ScoredReferences.file(home, v1, train);
        FileTime written = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        byte[] sidecar = Files.readAllBytes(ScoredReferences.sidecar(file));

        drift(new ReferenceData.Training(OptionalInt.of(1)));

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(Files.readAllBytes(ScoredReferences.sidecar(file))).isEqualTo(sidecar);
    }

    @Test
    void scored_otherModelVersion_isScoredIntoItsOwnFile() throws IOException {
        ScoredReferences references = new ScoredReferences(home, registry, LIMITS, CLOCK);
        ScoredReferences.Scored one = references.scored(v1, train);

        DriftReport r = drift(new ReferenceData.Training(OptionalInt.of(2)));

        assertThat(r.referencePredictions().orElseThrow().version()).isEqualTo(2);
        assertThat(r.referencePredictions().get().choice()).isEqualTo("the version asked for");
        Path two = ScoredReferences.file(home, v2, train);
        assertThat(two).isNotEqualTo(one.file()).exists();
        JsonNode sidecar = new ObjectMapper().readTree(ScoredReferences.sidecar(two).toFile());
        assertThat(sidecar.get("format").asText()).isEqualTo("slipway reference predictions");
        assertThat(sidecar.get("version").asInt()).isEqualTo(1);
        assertThat(sidecar.get("model").asText()).isEqualTo(MODEL);
        assertThat(sidecar.get("model_version").asInt()).isEqualTo(2);
        assertThat(sidecar.get("manifest_sha256").asText()).isEqualTo(v2.manifest().hex());
        assertThat(sidecar.get("dataset").asText()).isEqualTo(train.ref().toString());
        assertThat(sidecar.get("dataset_sha256").asText()).isEqualTo(train.snapshotSha256());
        assertThat(sidecar.get("rows").asLong()).isEqualTo(train.rows());
        assertThat(sidecar.get("created").asText()).isEqualTo(CLOCK.instant().toString());
        assertThat(sidecar.get("slipway_version").asText()).isNotBlank();
    }

    @Test
    void scored_sidecarOfAnotherModelPackage_isScoredAgain() throws IOException {
        ScoredReferences references = new ScoredReferences(home, registry, LIMITS, CLOCK);
        Path file = references.scored(v2, train).file();
        Path sidecar = ScoredReferences.sidecar(file);
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(sidecar.toFile());
        n.put("manifest_sha256", "0".repeat(64));
        Files.writeString(sidecar, n.toString());

        ScoredReferences.Scored again = references.scored(v2, train);

        assertThat(again.reused()).isFalse();
        assertThat(new ObjectMapper().readTree(sidecar.toFile()).get("manifest_sha256").asText())
                .isEqualTo(v2.manifest().hex());
        assertThat(references.scored(v2, train).reused()).isTrue();
    }

    @Test
    void drift_sidecarOfANewerSlipway_isRefusedNamingBothVersions() throws IOException {
        ScoredReferences references = new ScoredReferences(home, registry, LIMITS, CLOCK);
        Path file = references.scored(v2, train).file();
        Path sidecar = ScoredReferences.sidecar(file);
        String kept = Files.readString(sidecar);
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(kept);
        n.put("version", 9);
        Files.writeString(sidecar, n.toString());
        try {
            DriftReport r = drift(new ReferenceData.Training(OptionalInt.of(2)));

            assertThat(r.prediction()).isEmpty();
            assertThat(r.referencePredictions()).isEmpty();
            assertThat(r.predictionNote().orElseThrow())
                    .contains("could not be scored", "version 9", "up to 1");
        } finally {
            Files.writeString(sidecar, kept);
        }
    }

    @Test
    void drift_datasetGivenAsReference_stillSaysItHasNoPredictions() {
        DriftReport r = drift(new ReferenceData.Dataset(train.ref()));

        assertThat(r.prediction()).isEmpty();
        assertThat(r.referencePredictions()).isEmpty();
        assertThat(r.predictionNote().orElseThrow()).contains("has none of the outputs");
    }
}
