package dev.slipway.formats.lightgbm;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A shared CSV dataset as columns of doubles: empty cells are NaN, and a column of text becomes the
 * codes 0, 1, ... of its values in sorted order. Spaces in column names become underscores, as
 * LightGBM writes feature names.
 */
record CsvTable(List<String> names, double[][] columns) {

    static CsvTable read(String dataset) throws IOException {
        List<String> lines =
                Files.readAllLines(SharedData.dataset(dataset), StandardCharsets.UTF_8);
        List<String> names =
                Arrays.stream(lines.get(0).split(",", -1)).map(n -> n.replace(' ', '_')).toList();
        int rows = lines.size() - 1;
        String[][] cells = new String[names.size()][rows];
        for (int r = 0; r < rows; r++) {
            String[] parts = lines.get(r + 1).split(",", -1);
            for (int c = 0; c < names.size(); c++) {
                cells[c][r] = parts[c].strip();
            }
        }
        double[][] columns = new double[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            columns[c] = parse(cells[c]);
        }
        return new CsvTable(names, columns);
    }

    private static double[] parse(String[] cells) {
        double[] out = new double[cells.length];
        try {
            for (int r = 0; r < cells.length; r++) {
                out[r] = cells[r].isEmpty() ? Double.NaN : Double.parseDouble(cells[r]);
            }
            return out;
        } catch (NumberFormatException text) {
            List<String> values = new ArrayList<>(new TreeSet<>(Arrays.asList(cells)));
            for (int r = 0; r < cells.length; r++) {
                out[r] = values.indexOf(cells[r]);
            }
            return out;
        }
    }

    int rows() {
        return columns[0].length;
    }

    double[] column(String name) {
        int at = names.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + names);
        }
        return columns[at];
    }

    /** The named columns, row after row, as LightGBM reads a matrix. */
    double[] rowMajor(List<String> features) {
        double[] out = new double[rows() * features.size()];
        for (int f = 0; f < features.size(); f++) {
            double[] column = column(features.get(f));
            for (int r = 0; r < rows(); r++) {
                out[r * features.size() + f] = column[r];
            }
        }
        return out;
    }

    /**
     * A copy in which about {@code fraction} of the feature values, chosen by {@code seed}, are
     * NaN.
     */
    CsvTable withMissing(List<String> features, double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] copy = columns.clone();
        for (String feature : features) {
            int at = names.indexOf(feature);
            copy[at] = copy[at].clone();
            for (int r = 0; r < rows(); r++) {
                if (random.nextDouble() < fraction) {
                    copy[at][r] = Double.NaN;
                }
            }
        }
        return new CsvTable(names, copy);
    }

    /**
     * The named columns as a frame. Missing values are NaN in even-numbered columns and missing
     * rows of the null mask in odd-numbered ones, so both ways are exercised.
     */
    Frame frame(List<String> features) {
        List<Column> out = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            double[] values = column(features.get(f)).clone();
            BitSet nulls = new BitSet();
            if (f % 2 == 1) {
                for (int r = 0; r < values.length; r++) {
                    if (Double.isNaN(values[r])) {
                        nulls.set(r);
                        values[r] = 0;
                    }
                }
            }
            out.add(new DoubleColumn(features.get(f), 1, values, nulls));
        }
        return new Frame(rows(), out);
    }
}
