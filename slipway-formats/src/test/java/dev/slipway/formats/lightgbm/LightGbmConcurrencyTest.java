package dev.slipway.formats.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One LightGBM booster shared by many threads: single rows and batches of every size at once give
 * exactly what one thread gets, and closing while others predict fails them cleanly.
 */
class LightGbmConcurrencyTest {

    private static final List<String> FEATURES =
            List.of(
                    "mean_radius",
                    "mean_texture",
                    "mean_area",
                    "mean_concavity",
                    "worst_radius",
                    "worst_concave_points");
    private static final int THREADS = 8;
    private static final int[] BATCH_SIZES = {1, 1, 1, 2, 7, 64, 300};

    private static ExecutorService pool;
    private static CsvTable table;
    private static String model;

    @BeforeAll
    static void train() throws Exception {
        pool = Executors.newFixedThreadPool(THREADS);
        table = CsvTable.read("breast_cancer.csv").withMissing(FEATURES, 0.05, 9);
        model =
                LightGbm4j.trainAndPredict(table, FEATURES, "target", "", "objective=binary", 100)
                        .text();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static Predictor load() {
        return new LightGbmFormat()
                .load(model.getBytes(StandardCharsets.UTF_8), "shared", LoadOptions.defaults());
    }

    private static double[] probabilities(Predictor predictor, Frame rows) {
        return ((DoubleColumn) predictor.predict(rows).column(Signature.PROBABILITIES)).values();
    }

    @Test
    void predict_manyThreadsMixedBatchSizes_equalOneThread() throws Exception {
        Frame all = table.frame(FEATURES);
        try (Predictor predictor = load()) {
            double[] expected = probabilities(predictor, all);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Integer>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                running.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    SplittableRandom random = new SplittableRandom(seed);
                                    int checked = 0;
                                    for (int i = 0; i < 400; i++) {
                                        int size = BATCH_SIZES[random.nextInt(BATCH_SIZES.length)];
                                        int from = random.nextInt(all.rows() - size);
                                        double[] got =
                                                probabilities(
                                                        predictor,
                                                        Rows.slice(all, from, from + size));
                                        for (int k = 0; k < got.length; k++) {
                                            assertThat(got[k])
                                                    .as("rows from %d, value %d", from, k)
                                                    .isEqualTo(expected[from * 2 + k]);
                                        }
                                        checked += size;
                                    }
                                    return checked;
                                }));
            }
            int checked = 0;
            for (Future<Integer> f : running) {
                checked += f.get();
            }
            assertThat(checked).isPositive();
        }
    }

    @Test
    void close_whilePredicting_othersFailWithIllegalStateOnly() throws Exception {
        Frame all = table.frame(FEATURES);
        Predictor predictor = load();
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger predicted = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            running.add(
                    pool.submit(
                            () -> {
                                start.await();
                                SplittableRandom random = new SplittableRandom(seed);
                                for (int i = 0; i < 2000; i++) {
                                    int size = BATCH_SIZES[random.nextInt(BATCH_SIZES.length)];
                                    int from = random.nextInt(all.rows() - size);
                                    try {
                                        probabilities(
                                                predictor, Rows.slice(all, from, from + size));
                                        predicted.incrementAndGet();
                                    } catch (IllegalStateException closed) {
                                        refused.incrementAndGet();
                                        return null;
                                    }
                                }
                                return null;
                            }));
        }
        start.await();
        while (predicted.get() < 100 && !running.stream().allMatch(Future::isDone)) {
            Thread.onSpinWait();
        }
        predictor.close();
        for (Future<?> f : running) {
            f.get();
        }
        assertThat(refused.get()).isPositive();
    }
}
