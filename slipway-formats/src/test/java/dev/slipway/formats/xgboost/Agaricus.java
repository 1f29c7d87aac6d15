package dev.slipway.formats.xgboost;

import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The mushroom model from treelite's tests (XGBoost < 1.0 binary, binary:logistic) and its test set
 * (LibSVM; an absent feature is missing), with the margins and probabilities published with it.
 *
 * @param rows the test rows, {@link #FEATURES} values each, NaN where a feature is absent
 * @param rowCount the number of test rows
 */
record Agaricus(float[] rows, int rowCount) {

    static final Path DIR = SharedData.root().resolve("models/xgboost/mushroom_treelite");
    static final int FEATURES = 127;

    static Agaricus read() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("agaricus.test"));
        int n = lines.size();
        float[] rows = new float[n * FEATURES];
        Arrays.fill(rows, Float.NaN);
        for (int r = 0; r < n; r++) {
            String[] tokens = lines.get(r).strip().split(" ");
            for (int i = 1; i < tokens.length; i++) {
                String[] pair = tokens[i].split(":");
                rows[r * FEATURES + Integer.parseInt(pair[0])] = Float.parseFloat(pair[1]);
            }
        }
        return new Agaricus(rows, n);
    }

    /** The bytes of the legacy binary model file. */
    static byte[] model() throws IOException {
        return Files.readAllBytes(DIR.resolve("mushroom.model"));
    }

    /** One published value per test row, from {@code agaricus.test.prob} or {@code .margin}. */
    static double[] published(String file) throws IOException {
        return Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8).stream()
                .mapToDouble(Double::parseDouble)
                .toArray();
    }
}
