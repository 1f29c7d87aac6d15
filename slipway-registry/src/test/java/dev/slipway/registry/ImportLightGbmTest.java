package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.testkit.SharedData;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The LightGBM model in shared/models, imported and served from the registry. */
class ImportLightGbmTest {

    private static final Path DIR =
            SharedData.root().resolve("models/lightgbm/toy_categorical_treelite");

    @TempDir Path dir;

    /** The rows of a LibSVM file as one column per feature; a feature left out is missing. */
    private static Frame libsvm(Path file, List<String> names) throws IOException {
        List<String> lines = Files.readAllLines(file);
        double[][] columns = new double[names.size()][lines.size()];
        for (double[] c : columns) {
            Arrays.fill(c, Double.NaN);
        }
        for (int r = 0; r < lines.size(); r++) {
            String[] tokens = lines.get(r).strip().split(" ");
            for (int i = 1; i < tokens.length; i++) {
                String[] pair = tokens[i].split(":");
                columns[Integer.parseInt(pair[0])][r] = Double.parseDouble(pair[1]);
            }
        }
        DoubleColumn[] out = new DoubleColumn[names.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = new DoubleColumn(names.get(j), 1, columns[j], new BitSet());
        }
        return Frame.of(out);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_toyCategorical_predictsThePublishedValues(TestDatabase.Kind kind)
            throws IOException {
        try (RegistryHome h = RegistryHome.open(dir, kind, List.of(new LightGbmFormat()))) {
            ModelVersion v =
                    h.registry()
                            .importModel(
                                    DIR.resolve("toy_categorical_model.txt"),
                                    "toy",
                                    ImportOptions.defaults());
            List<String> names =
                    h.registry().manifest(v).signature().inputs().stream()
                            .map(ColumnSpec::name)
                            .toList();

            double[] expected =
                    Files.readAllLines(DIR.resolve("toy_categorical.test.pred")).stream()
                            .mapToDouble(Double::parseDouble)
                            .toArray();
            try (Predictor p = h.registry().load(ModelRef.parse("toy/1"))) {
                DoubleColumn y =
                        (DoubleColumn)
                                p.predict(libsvm(DIR.resolve("toy_categorical.test"), names))
                                        .column("prediction");

                assertThat(names).containsExactly("Column_0", "Column_1");
                assertThat(y.values()).containsExactly(expected, within(1e-9));
            }
            assertThat(v.format()).isEqualTo("lightgbm");
        }
    }
}
