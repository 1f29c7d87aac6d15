package dev.slipway.formats.pipeline;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.UnseenCategoryPolicy;
import dev.slipway.testkit.conformance.PredictorConformance;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;

/** The predictor contract for a trained model behind its feature pipeline. */
class PipelineConformanceTest extends PredictorConformance {

    private static Titanic titanic;

    @BeforeAll
    static void train() {
        titanic = Titanic.load(UnseenCategoryPolicy.MISSING);
    }

    @Override
    protected Predictor open() {
        return titanic.predictor();
    }

    @Override
    protected Frame input(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] picks = new int[rows];
        for (int i = 0; i < rows; i++) {
            picks[i] = random.nextInt(titanic.records.rows());
        }
        return new Frame(
                rows,
                titanic.records.columns().stream()
                        .map(
                                c -> {
                                    List<Column> one = new ArrayList<>();
                                    for (int p : picks) {
                                        one.add(Titanic.row(c, p));
                                    }
                                    return concat(one);
                                })
                        .toList());
    }

    private static Column concat(List<Column> ones) {
        BitSet nulls = new BitSet();
        for (int i = 0; i < ones.size(); i++) {
            if (ones.get(i).isNull(0)) {
                nulls.set(i);
            }
        }
        String name = ones.getFirst().name();
        if (ones.getFirst() instanceof StringColumn) {
            String[] v = new String[ones.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((StringColumn) ones.get(i)).get(0);
            }
            return new StringColumn(name, 1, v, nulls);
        }
        double[] v = new double[ones.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((DoubleColumn) ones.get(i)).get(0);
        }
        return new DoubleColumn(name, 1, v, nulls);
    }

    @Override
    protected double tolerance() {
        return 0;
    }
}
