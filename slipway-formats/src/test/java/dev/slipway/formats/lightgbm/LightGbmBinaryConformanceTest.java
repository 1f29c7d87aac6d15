package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.testkit.conformance.PredictorConformance;
import io.github.metarank.lightgbm4j.LGBMException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/** The predictor contract, on a binary classifier LightGBM trains on the breast cancer data. */
class LightGbmBinaryConformanceTest extends PredictorConformance {

    private static final List<String> FEATURES =
            List.of("mean_radius", "mean_texture", "mean_smoothness", "worst_concave_points");

    /**
     * The table and the trained model, made once for all tests. The model is kept small: the
     * suite's memory test counts resident pages, and each load's garbage touches heap pages that
     * can show up as growth outside the heap.
     */
    private static final class Trained {
        static final CsvTable TABLE = read();
        static final byte[] MODEL = train();

        private static CsvTable read() {
            try {
                return CsvTable.read("breast_cancer.csv");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] train() {
            try {
                return LightGbm4j.trainAndPredict(
                                TABLE, FEATURES, "target", "", "objective=binary num_leaves=8", 20)
                        .text()
                        .getBytes(StandardCharsets.UTF_8);
            } catch (LGBMException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    protected Predictor open() {
        return new LightGbmFormat().load(Trained.MODEL, "breast-cancer", LoadOptions.defaults());
    }

    /** Rows of the dataset drawn at random, each value scaled a little, some NaN or null. */
    @Override
    protected Frame input(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] picks = random.ints(rows, 0, Trained.TABLE.rows()).toArray();
        List<Column> columns = new ArrayList<>();
        for (String feature : FEATURES) {
            double[] source = Trained.TABLE.column(feature);
            double[] values = new double[rows];
            BitSet missing = new BitSet();
            for (int r = 0; r < rows; r++) {
                values[r] = source[picks[r]] * (0.9 + 0.2 * random.nextDouble());
                int draw = random.nextInt(40);
                if (draw == 0) {
                    values[r] = Double.NaN;
                } else if (draw == 1) {
                    missing.set(r);
                }
            }
            columns.add(new DoubleColumn(feature, 1, values, missing));
        }
        return new Frame(rows, columns);
    }

    @Override
    protected double tolerance() {
        return 0;
    }
}
