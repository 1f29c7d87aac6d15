package dev.slipway.serve.grpc;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.StringColumn;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Rows of the shared Adult test file as a frame of the model's raw inputs. */
final class AdultTable {

    static final List<String> NUMBERS =
            List.of(
                    "age",
                    "fnlwgt",
                    "education-num",
                    "capital-gain",
                    "capital-loss",
                    "hours-per-week");

    private AdultTable() {}

    static Frame first(int n) {
        try {
            List<String> lines = Files.readAllLines(SharedData.dataset("adult_test.csv"));
            String[] header = lines.getFirst().split(",", -1);
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                rows.add(lines.get(i).split(",", -1));
            }
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < header.length; c++) {
                String name = header[c].trim();
                if (name.equals("income")) {
                    continue;
                }
                if (NUMBERS.contains(name)) {
                    double[] v = new double[n];
                    for (int r = 0; r < n; r++) {
                        v[r] = Double.parseDouble(rows.get(r)[c].trim());
                    }
                    columns.add(new DoubleColumn(name, 1, v, new BitSet()));
                } else {
                    String[] v = new String[n];
                    for (int r = 0; r < n; r++) {
                        v[r] = rows.get(r)[c].trim();
                    }
                    columns.add(StringColumn.ofNullable(name, v));
                }
            }
            return new Frame(n, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
