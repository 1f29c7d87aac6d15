package dev.slipway.bench;

import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The model limit of the serving benchmark: the served model's predictor called in-process, in a
 * loop on one thread, with exactly the rows of a request body (read back from the Open Inference
 * Protocol body the load generators post). A warm-up, then timed runs; prints rows/s per run.
 *
 * <p>Started by {@link ServeBenchmark}, pinned to core 0 like the server, as {@code java -cp ...
 * dev.slipway.bench.ModelLimit HOME WARMUP_S DURATION_S RUNS LABEL=MODEL_REF:OIP_BODY...}; prints
 * lines {@code LIMIT LABEL RUN ROWS_PER_S}.
 */
public final class ModelLimit {

    private ModelLimit() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int duration = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        long sink = 0;
        try (SlipwayHome home = SlipwayHome.open(dir)) {
            ModelRegistry registry =
                    new ModelRegistry(
                            home,
                            List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat()),
                            Clock.systemUTC());
            for (int i = 4; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                int colon = kv[1].lastIndexOf(':');
                Frame rows = Payloads.frame(Path.of(kv[1].substring(colon + 1)));
                try (Predictor p = registry.load(ModelRef.parse(kv[1].substring(0, colon)))) {
                    sink += loop(p, rows, warmup)[0];
                    for (int r = 1; r <= runs; r++) {
                        long[] done = loop(p, rows, duration);
                        sink += done[0];
                        System.out.printf(
                                Locale.ROOT,
                                "LIMIT %s %d %.1f%n",
                                kv[0],
                                r,
                                done[0] * (double) rows.rows() / (done[1] / 1e9));
                        System.out.flush();
                    }
                }
            }
        }
        if (sink == 42) {
            System.err.println("(keeps the results alive)");
        }
    }

    /** Calls and nanoseconds of {@code seconds} of back-to-back predictions. */
    private static long[] loop(Predictor p, Frame rows, int seconds) {
        long start = System.nanoTime();
        long until = start + seconds * 1_000_000_000L;
        long calls = 0;
        long now;
        do {
            calls += p.predict(rows).rows() == rows.rows() ? 1 : 0;
            now = System.nanoTime();
        } while (now < until);
        return new long[] {calls, now - start};
    }
}
