package dev.slipway.formats.xgboost;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** XGBoost4J, the reference implementation: trains, saves and predicts for the tests. */
final class XGBoost4J {

    private XGBoost4J() {}

    /** Turns off XGBoost's native warnings (e.g. on loading a model from XGBoost before 1.0). */
    static void quiet() throws ReflectiveOperationException {
        // The JNI class is package-private in XGBoost4J; its global configuration is the only
        // switch that also covers warnings printed while a model is loaded.
        Class<?> jni = Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI");
        Method set = jni.getMethod("XGBSetGlobalConfig", String.class);
        set.setAccessible(true);
        set.invoke(null, "{\"verbosity\":0}");
    }

    /** Trains {@code rounds} rounds on rows of {@code columns} values (NaN = missing). */
    static Booster train(
            float[] rows, int columns, float[] labels, Map<String, Object> params, int rounds)
            throws XGBoostError {
        DMatrix data = new DMatrix(rows, labels.length, columns, Float.NaN);
        try {
            data.setLabel(labels);
            Map<String, Object> all = new HashMap<>(params);
            all.put("seed", 7);
            all.put("nthread", 1);
            all.put("verbosity", 0);
            return XGBoost.train(data, all, rounds, Map.of(), null, null);
        } finally {
            data.dispose();
        }
    }

    /** Saves {@code booster} as {@code dir/name} (XGBoost picks the format from the extension). */
    static Path save(Booster booster, Path dir, String name) throws XGBoostError {
        Path file = dir.resolve(name);
        booster.saveModel(file.toString());
        return file;
    }

    /** XGBoost's predictions (or margins) for rows of {@code columns} values. */
    static float[][] predict(Booster booster, float[] rows, int columns, boolean margins)
            throws XGBoostError {
        DMatrix data = new DMatrix(rows, rows.length / columns, columns, Float.NaN);
        try {
            return booster.predict(data, margins);
        } finally {
            data.dispose();
        }
    }
}
