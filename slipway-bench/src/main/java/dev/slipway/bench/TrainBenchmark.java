package dev.slipway.bench;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.StringColumn;
import dev.slipway.formats.pipeline.FeaturePipelines;
import dev.slipway.registry.ModelManifest;
import dev.slipway.train.Run;
import dev.slipway.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Wall time of {@code slipway train} (reading the dataset version, choosing and encoding the
 * features, training, evaluating on Adult's test file, registering) against XGBoost4J called
 * directly on the same feature matrix with the same parameters, in the same run. Runs of the two
 * sides alternate; prints the median, the spread and the ratio (Slipway ÷ XGBoost4J).
 *
 * <p>Data: Adult's training file, and the same resampled with replacement (seed 42) to larger row
 * counts.
 *
 * <p>Run: {@code ./mvnw -q -pl slipway-bench -am package -Dmaven.test.skip=true && java
 * --enable-native-access=ALL-UNNAMED -cp
 * "slipway-bench/target/slipway-bench-0.1.0-SNAPSHOT.jar:slipway-bench/target/lib/*"
 * dev.slipway.bench.TrainBenchmark ../shared/datasets adult,1000000 3}
 */
public final class TrainBenchmark {

    private TrainBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        String[] sizes = (args.length > 1 ? args[1] : "adult,1000000").split(",");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Path.of("slipway-bench/target/bench-data").toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s; JDK %s%n",
                Runtime.getRuntime().availableProcessors(),
                ImportBenchmark.cpuModel(),
                Runtime.version());
        Path home = Files.createTempDirectory(work, "train-home");
        try (AdultModel adult = AdultModel.open(home, shared)) {
            for (String size : sizes) {
                DatasetRef data =
                        size.equals("adult")
                                ? adult.train()
                                : AdultModel.load(
                                        adult.datasets(),
                                        ImportBenchmark.resample(
                                                shared.resolve("adult_train.csv"),
                                                Long.parseLong(size),
                                                work),
                                        "adult-" + size);
                measure(adult, data, size, runs);
            }
        }
    }

    private static void measure(AdultModel adult, DatasetRef data, String size, int runs)
            throws Exception {
        List<Double> slipway = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        long rows = adult.datasets().resolve(data).rows();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            TrainingResult r = adult.trainDefault(data);
            slipway.add((System.nanoTime() - t0) / 1e9);
            direct.add(xgboost4j(adult, data, r));
        }
        double s = median(slipway);
        double x = median(direct);
        System.out.printf(
                Locale.ROOT,
                "%s (%,d rows): slipway train %.2f s (%s) | xgboost4j train on the same matrix %.2f s (%s) | ratio %.2f%n",
                size,
                rows,
                s,
                spread(slipway),
                x,
                spread(direct),
                s / x);
    }

    /** XGBoost4J alone: the same rows, features, labels and parameters as run {@code r}. */
    private static double xgboost4j(AdultModel adult, DatasetRef data, TrainingResult r)
            throws Exception {
        ModelManifest m = adult.registry().manifest(r.model());
        FeaturePipeline pipeline = m.pipeline().orElseThrow();
        List<String> columns = new ArrayList<>();
        pipeline.features().forEach(f -> columns.add(f.column()));
        columns.add(pipeline.target());
        Frame frame = adult.datasets().read(data, columns);
        float[] matrix = FeaturePipelines.encodeRows(pipeline, frame);
        Column target = frame.column(pipeline.target());
        float[] labels = new float[frame.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = pipeline.classes().indexOf(((StringColumn) target).get(i));
        }
        Run run = r.run();
        Map<String, Object> params = new HashMap<>();
        run.params().forEach((k, v) -> params.put(k, v));
        int rounds = Integer.parseInt(params.remove("num_round").toString());
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "logloss");
        params.put("booster", "gbtree");
        params.put("seed", (int) (run.seed() ^ (run.seed() >>> 32)));
        params.put("nthread", Runtime.getRuntime().availableProcessors());
        params.put("verbosity", 0);
        long t0 = System.nanoTime();
        DMatrix d = new DMatrix(matrix, labels.length, pipeline.featureCount(), Float.NaN);
        d.setLabel(labels);
        Booster b = XGBoost.train(d, params, rounds, Map.of(), null, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        b.dispose();
        d.dispose();
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, "%.2f-%.2f", min, max);
    }
}
