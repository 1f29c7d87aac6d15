package dev.slipway.bench;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.registry.ImportOptions;
import dev.slipway.registry.ModelVersion;
import dev.slipway.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The home the serving benchmark serves and the request bodies it sends, cached under the build
 * folder: {@code adult}, trained on Adult by {@code slipway train}'s defaults, and {@code iris},
 * scikit-learn's random forest on iris imported from ONNX, both with alias {@code champion}; bodies
 * of 1, 32 and 10,000 Adult test rows (OIP REST and MLflow) and one iris row.
 */
record ServeFixtures(Path home, Path bodies) {

    static final String ADULT = "adult";
    static final String IRIS = "iris";

    /** The Open Inference Protocol body of a request with {@code rows} Adult test rows. */
    Path oip(int rows) {
        return bodies.resolve("oip-" + rows + ".json");
    }

    /** The MLflow {@code dataframe_split} body of one Adult test row. */
    Path mlflowOneRow() {
        return bodies.resolve("mlflow-1.json");
    }

    /** The Open Inference Protocol body of one iris row. */
    Path irisOneRow() {
        return bodies.resolve("iris-1.json");
    }

    /** The fixtures under {@code work}, made there first when missing. */
    static ServeFixtures prepare(Path work, Path shared) throws IOException {
        Path home = work.resolve("home");
        ServeFixtures f = new ServeFixtures(home, work.resolve("bodies"));
        Path done = work.resolve("fixtures.done");
        if (Files.exists(done)) {
            return f;
        }
        delete(home);
        delete(f.bodies());
        Files.createDirectories(f.bodies());
        System.err.println("Preparing the serving home (trains the Adult model once): " + home);
        try (AdultModel adult =
                AdultModel.open(
                        home,
                        shared.resolve("datasets"),
                        List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat()))) {
            TrainingResult r = adult.trainDefault(adult.train());
            if (!r.model().name().equals(ADULT)) {
                throw new IllegalStateException(
                        "slipway train named the Adult model %s, the benchmark expects %s"
                                .formatted(r.model().name(), ADULT));
            }
            adult.registry().setAlias(ADULT, "champion", r.model().version());
            ModelVersion iris =
                    adult.registry()
                            .importModel(
                                    shared.resolve("models/onnx/rf_iris.onnx"),
                                    IRIS,
                                    ImportOptions.defaults());
            adult.registry().setAlias(IRIS, "champion", iris.version());
            List<String> inputs;
            try (Predictor p = adult.registry().load(ModelRef.parse(ADULT + "@champion"))) {
                inputs = p.signature().inputs().stream().map(ColumnSpec::name).toList();
            }
            Frame test = adult.datasets().read(adult.test(), inputs);
            int first = firstWhole(test);
            for (int rows : new int[] {1, 32, 10_000}) {
                write(f.oip(rows), Payloads.oip(Benchmarks.rows(test, first, rows)));
            }
            write(f.mlflowOneRow(), Payloads.mlflow(Benchmarks.rows(test, first, 1)));
            String irisInput;
            try (Predictor p = adult.registry().load(ModelRef.parse(IRIS + "@champion"))) {
                irisInput = p.signature().inputs().getFirst().name();
            }
            write(
                    f.irisOneRow(),
                    Payloads.oip(
                            Frame.of(
                                    new FloatColumn(
                                            irisInput,
                                            4,
                                            new float[] {5.1f, 3.5f, 1.4f, 0.2f},
                                            new BitSet()))));
        }
        Files.writeString(done, "ok\n");
        return f;
    }

    /** The first row with no missing value, so that every protocol can carry it as it is. */
    private static int firstWhole(Frame frame) {
        for (int r = 0; r < frame.rows(); r++) {
            boolean whole = true;
            for (Column c : frame.columns()) {
                whole &= !c.isNull(r);
            }
            if (whole) {
                return r;
            }
        }
        throw new IllegalStateException("every Adult test row has a missing value");
    }

    private static void write(Path file, String body) throws IOException {
        Files.writeString(file, body, StandardCharsets.UTF_8);
    }

    static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
