package dev.slipway.formats.xgboost;

import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Numeric columns of a shared CSV dataset as a row-major float32 matrix (empty cells are NaN).
 *
 * @param rows the feature values, row after row
 * @param columns the number of features per row
 * @param labels the target column
 */
record SharedTable(float[] rows, int columns, float[] labels) {

    /** Reads {@code features} and {@code target} (0-based column positions) of a shared dataset. */
    static SharedTable read(String dataset, int[] features, int target, float targetScale)
            throws IOException {
        List<String> lines =
                Files.readAllLines(SharedData.dataset(dataset), StandardCharsets.UTF_8);
        int n = lines.size() - 1;
        float[] rows = new float[n * features.length];
        float[] labels = new float[n];
        for (int r = 0; r < n; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            for (int c = 0; c < features.length; c++) {
                rows[r * features.length + c] = parse(cells[features[c]]);
            }
            labels[r] = parse(cells[target]) / targetScale;
        }
        return new SharedTable(rows, features.length, labels);
    }

    int rowCount() {
        return labels.length;
    }

    /** A copy in which about {@code fraction} of the values, chosen by {@code seed}, are NaN. */
    SharedTable withMissing(double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] copy = rows.clone();
        for (int i = 0; i < copy.length; i++) {
            if (random.nextDouble() < fraction) {
                copy[i] = Float.NaN;
            }
        }
        return new SharedTable(copy, columns, labels);
    }

    private static float parse(String cell) {
        return cell.isBlank() ? Float.NaN : Float.parseFloat(cell.strip());
    }
}
