package dev.slipway.formats.onnx;

import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/** The shared ONNX models (see shared/models/SOURCES.md) and the datasets they were made for. */
final class OnnxFixtures {

    static final String IRIS_MODEL = "rf_iris.onnx";
    static final String TITANIC_MODEL = "pipeline_titanic.onnx";

    private OnnxFixtures() {}

    static Path modelPath(String name) {
        return SharedData.root().resolve("models").resolve("onnx").resolve(name);
    }

    static byte[] modelBytes(String name) {
        try {
            return Files.readAllBytes(modelPath(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Predictor load(String name) {
        return new OnnxFormat().load(modelBytes(name), name, LoadOptions.defaults());
    }

    /** The iris dataset: its four features as {@code float_input}, and its classes. */
    record Iris(Frame features, int[] classes) {

        static Iris read() throws IOException {
            SharedCsv csv = SharedCsv.read("iris.csv");
            int n = csv.rows().size();
            float[] values = new float[n * 4];
            int[] classes = new int[n];
            for (int r = 0; r < n; r++) {
                List<String> row = csv.rows().get(r);
                for (int c = 0; c < 4; c++) {
                    values[r * 4 + c] = Float.parseFloat(row.get(c));
                }
                classes[r] = Integer.parseInt(row.get(4));
            }
            return new Iris(
                    Frame.of(new FloatColumn("float_input", 4, values, new BitSet())), classes);
        }
    }

    /**
     * The Titanic training set as the Titanic pipeline takes it: one column per input, {@code
     * pclass} as text, an empty {@code embarked} as {@code missing} and an empty age as a missing
     * row (NaN), as shared/models/SOURCES.md says.
     */
    record Titanic(Frame features, int[] survived) {

        static Titanic read() throws IOException {
            SharedCsv csv = SharedCsv.read("titanic_train.csv");
            int n = csv.rows().size();
            String[] embarked =
                    csv.column("Embarked").stream()
                            .map(e -> e.isEmpty() ? "missing" : e)
                            .toArray(String[]::new);
            Frame features =
                    Frame.of(
                            StringColumn.of("pclass", csv.column("Pclass").toArray(String[]::new)),
                            StringColumn.of("sex", csv.column("Sex").toArray(String[]::new)),
                            floats("age", csv.column("Age")),
                            floats("fare", csv.column("Fare")),
                            StringColumn.of("embarked", embarked));
            int[] survived = csv.column("Survived").stream().mapToInt(Integer::parseInt).toArray();
            if (survived.length != n) {
                throw new IllegalStateException("rows and labels differ");
            }
            return new Titanic(features, survived);
        }

        private static FloatColumn floats(String name, List<String> cells) {
            float[] values = new float[cells.size()];
            BitSet nulls = new BitSet();
            for (int i = 0; i < values.length; i++) {
                if (cells.get(i).isEmpty()) {
                    nulls.set(i);
                    values[i] = Float.NaN;
                } else {
                    values[i] = Float.parseFloat(cells.get(i));
                }
            }
            return new FloatColumn(name, 1, values, nulls);
        }
    }
}
