package dev.slipway.formats.lightgbm;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.util.List;

/**
 * A model trained by LightGBM through lightgbm4j in the test, with LightGBM's own predictions for
 * the training rows to compare against.
 *
 * @param text the model as {@code saveModelToString} writes it
 * @param predictions LightGBM's normal (transformed) predictions, row after row
 */
record LightGbm4j(String text, double[] predictions) {

    private static final String COMMON =
            " verbosity=-1 seed=7 deterministic=true num_threads=1 min_data_in_leaf=5";

    /**
     * Trains on the named features of {@code table} and predicts its rows with lightgbm4j's {@code
     * predictForMat} (which holds at most two values per row: use it for models with one output).
     */
    static LightGbm4j trainAndPredict(
            CsvTable table,
            List<String> features,
            String target,
            String datasetParams,
            String params,
            int iterations)
            throws LGBMException {
        double[] rows = table.rowMajor(features);
        try (LGBMDataset data = dataset(table, rows, features, target, datasetParams);
                LGBMBooster booster = train(data, params, iterations)) {
            String text = booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
            double[] predictions =
                    booster.predictForMat(
                            rows,
                            table.rows(),
                            features.size(),
                            true,
                            PredictionType.C_API_PREDICT_NORMAL);
            return new LightGbm4j(text, predictions);
        }
    }

    /**
     * Trains a multi-class model; its predictions are LightGBM's for the training rows ({@code
     * getPredict}), turned from class after class into row after row.
     */
    static LightGbm4j trainMulticlass(
            CsvTable table, List<String> features, String target, int classes, int iterations)
            throws LGBMException {
        double[] rows = table.rowMajor(features);
        String params = "objective=multiclass num_class=" + classes;
        try (LGBMDataset data = dataset(table, rows, features, target, "");
                LGBMBooster booster = train(data, params, iterations)) {
            String text = booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
            double[] byClass = booster.getPredict(0);
            int n = table.rows();
            double[] byRow = new double[byClass.length];
            for (int c = 0; c < classes; c++) {
                for (int r = 0; r < n; r++) {
                    byRow[r * classes + c] = byClass[c * n + r];
                }
            }
            return new LightGbm4j(text, byRow);
        }
    }

    private static LGBMDataset dataset(
            CsvTable table, double[] rows, List<String> features, String target, String params)
            throws LGBMException {
        LGBMDataset data =
                LGBMDataset.createFromMat(
                        rows, table.rows(), features.size(), true, params + COMMON, null);
        data.setFeatureNames(features.toArray(String[]::new));
        double[] labels = table.column(target);
        float[] label = new float[labels.length];
        for (int r = 0; r < labels.length; r++) {
            label[r] = (float) labels[r];
        }
        data.setField("label", label);
        return data;
    }

    private static LGBMBooster train(LGBMDataset data, String params, int iterations)
            throws LGBMException {
        LGBMBooster booster = LGBMBooster.create(data, params + COMMON);
        for (int i = 0; i < iterations; i++) {
            booster.updateOneIter();
        }
        return booster;
    }
}
