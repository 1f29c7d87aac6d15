package dev.slipway.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.formats.pipeline.FeaturePipelines;
import dev.slipway.registry.ModelManifest;
import dev.slipway.train.TrainingResult;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process prediction with the Adult model that {@code slipway train} makes with default settings
 * (300 rounds, depth 6, 105 features after one-hot encoding): one row at a time (p50 and p99 from
 * JMH's sample mode) and 10,000-row batches, for Slipway's predictor (raw records through the
 * feature pipeline and the tree evaluator) beside XGBoost4J's own predict on the same model and the
 * same encoded rows, and ONNX Runtime on the one tree-ensemble ONNX model at hand (scikit-learn's
 * random forest on iris, from ../shared/models).
 *
 * <p>Run: {@code ./mvnw -q -pl slipway-bench -am package -Dmaven.test.skip=true && java
 * --enable-native-access=ALL-UNNAMED -cp
 * "slipway-bench/target/slipway-bench-0.1.0-SNAPSHOT.jar:slipway-bench/target/lib/*"
 * org.openjdk.jmh.Main PredictBenchmark -jvmArgs "-Dslipway.shared=../shared"}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PredictBenchmark {

    private Path dir;
    private AdultModel adult;
    private Predictor slipway;
    private Frame oneRow;
    private Frame batch;
    private Booster booster;
    private float[] oneRowFeatures;
    private float[] batchFeatures;
    private int features;
    private OrtEnvironment ort;
    private OrtSession iris;
    private float[] irisRow = {5.1f, 3.5f, 1.4f, 0.2f};
    private float[] irisBatch;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path shared = Path.of(System.getProperty("slipway.shared", "../shared")).toAbsolutePath();
        dir = Files.createTempDirectory("slipway-predict-bench");
        adult = AdultModel.open(dir, shared.resolve("datasets"));
        TrainingResult r = adult.trainDefault(adult.train());
        slipway = adult.registry().load(r.model().ref());
        ModelManifest m = adult.registry().manifest(r.model());
        Frame test =
                adult.datasets()
                        .read(
                                adult.test(),
                                slipway.signature().inputs().stream().map(s -> s.name()).toList());
        oneRow = Benchmarks.rows(test, 0, 1);
        batch = Benchmarks.rows(test, 0, 10_000);
        var pipeline = m.pipeline().orElseThrow();
        features = pipeline.featureCount();
        oneRowFeatures = FeaturePipelines.encodeRows(pipeline, oneRow);
        batchFeatures = FeaturePipelines.encodeRows(pipeline, batch);
        booster = XGBoost.loadModel(adult.registry().file(r.model(), "model.json"));
        booster.setParam("nthread", 1);
        ort = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        iris = ort.createSession(shared.resolve("models/onnx/rf_iris.onnx").toString(), options);
        irisBatch = new float[10_000 * 4];
        for (int i = 0; i < irisBatch.length; i++) {
            irisBatch[i] = irisRow[i % 4];
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        slipway.close();
        booster.dispose();
        iris.close();
        adult.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Frame slipwayOneRow() {
        return slipway.predict(oneRow);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[][] xgboost4jOneRow() throws Exception {
        DMatrix m = new DMatrix(oneRowFeatures, 1, features, Float.NaN);
        try {
            return booster.predict(m);
        } finally {
            m.dispose();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object onnxRuntimeIrisForestOneRow() throws Exception {
        try (OnnxTensor t =
                        OnnxTensor.createTensor(ort, FloatBuffer.wrap(irisRow), new long[] {1, 4});
                OrtSession.Result out = iris.run(Map.of("float_input", t))) {
            return out.get(0).getValue();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Frame slipwayBatch10k() {
        return slipway.predict(batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[][] xgboost4jBatch10k() throws Exception {
        DMatrix m = new DMatrix(batchFeatures, 10_000, features, Float.NaN);
        try {
            return booster.predict(m);
        } finally {
            m.dispose();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object onnxRuntimeIrisForestBatch10k() throws Exception {
        try (OnnxTensor t =
                        OnnxTensor.createTensor(
                                ort, FloatBuffer.wrap(irisBatch), new long[] {10_000, 4});
                OrtSession.Result out = iris.run(Map.of("float_input", t))) {
            return out.get(0).getValue();
        }
    }
}
