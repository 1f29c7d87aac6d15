package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * Treelite's LightGBM example with categorical splits (shared/models/lightgbm), its LibSVM test
 * rows and the predictions LightGBM published for them.
 */
final class ToyModel {

    static final int FEATURES = 2;

    private ToyModel() {}

    static Path folder() {
        return SharedData.root().resolve("models/lightgbm/toy_categorical_treelite");
    }

    static byte[] bytes() {
        try {
            return Files.readAllBytes(folder().resolve("toy_categorical_model.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test rows, one column per feature. LibSVM lines read {@code label index:value ...} with
     * 0-based feature indices here ({@code 0:2 1:4}); a feature a line leaves out is 0, as LightGBM
     * reads sparse rows.
     */
    static Frame testRows() {
        List<String> lines = lines("toy_categorical.test");
        double[][] columns = new double[FEATURES][lines.size()];
        for (int r = 0; r < lines.size(); r++) {
            String[] parts = lines.get(r).trim().split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                int colon = parts[i].indexOf(':');
                int feature = Integer.parseInt(parts[i].substring(0, colon));
                columns[feature][r] = Double.parseDouble(parts[i].substring(colon + 1));
            }
        }
        return Frame.of(
                new DoubleColumn("Column_0", 1, columns[0], new BitSet()),
                new DoubleColumn("Column_1", 1, columns[1], new BitSet()));
    }

    /** LightGBM's prediction for each test row. */
    static double[] expected() {
        return lines("toy_categorical.test.pred").stream()
                .mapToDouble(s -> Double.parseDouble(s.trim()))
                .toArray();
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(folder().resolve(file), StandardCharsets.UTF_8).stream()
                    .filter(s -> !s.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
