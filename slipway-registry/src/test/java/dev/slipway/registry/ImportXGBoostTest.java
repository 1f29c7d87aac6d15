package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Task;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.testkit.SharedData;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The XGBoost model in shared/models, imported and served from the registry. */
class ImportXGBoostTest {

    static final Path DIR = SharedData.root().resolve("models/xgboost/mushroom_treelite");

    @TempDir Path dir;

    /** The rows of agaricus.test as one float column per model input; absent features are NaN. */
    static Frame agaricus(List<ColumnSpec> inputs) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("agaricus.test"));
        float[][] columns = new float[inputs.size()][lines.size()];
        for (float[] c : columns) {
            Arrays.fill(c, Float.NaN);
        }
        for (int r = 0; r < lines.size(); r++) {
            String[] tokens = lines.get(r).strip().split(" ");
            for (int i = 1; i < tokens.length; i++) {
                String[] pair = tokens[i].split(":");
                columns[Integer.parseInt(pair[0])][r] = Float.parseFloat(pair[1]);
            }
        }
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            out.add(new FloatColumn(inputs.get(j).name(), 1, columns[j], new BitSet()));
        }
        return new Frame(lines.size(), out);
    }

    /** The probabilities published with the model, one per row. */
    static double[] publishedProbabilities() throws IOException {
        return Files.readAllLines(DIR.resolve("agaricus.test.prob")).stream()
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_mushroomBinary_predictsThePublishedProbabilities(TestDatabase.Kind kind)
            throws IOException {
        try (RegistryHome h = RegistryHome.open(dir, kind, List.of(new XGBoostFormat()))) {
            ModelVersion v =
                    h.registry()
                            .importModel(
                                    DIR.resolve("mushroom.model"),
                                    "mushroom",
                                    ImportOptions.defaults());
            List<ColumnSpec> inputs = h.registry().manifest(v).signature().inputs();

            try (Predictor p = h.registry().load(ModelRef.parse("mushroom"))) {
                FloatColumn probabilities =
                        (FloatColumn) p.predict(agaricus(inputs)).column("probabilities");
                double[] expected = publishedProbabilities();
                for (int r = 0; r < expected.length; r++) {
                    assertThat(probabilities.get(r, 1))
                            .isCloseTo((float) expected[r], within(1e-6f));
                }
            }
            assertThat(inputs.getFirst().name()).isEqualTo("f0");
            assertThat(inputs.get(inputs.size() - 1).name()).isEqualTo("f" + (inputs.size() - 1));
            assertThat(v.task()).contains(Task.BINARY);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importModel_truncatedMushroom_refusedAndNothingRegistered(TestDatabase.Kind kind)
            throws IOException {
        byte[] whole = Files.readAllBytes(DIR.resolve("mushroom.model"));
        Path file =
                Files.write(
                        dir.resolve("mushroom.model"), Arrays.copyOf(whole, whole.length - 100));
        try (RegistryHome h =
                RegistryHome.open(dir.resolve("home"), kind, List.of(new XGBoostFormat()))) {
            assertThatThrownBy(
                            () ->
                                    h.registry()
                                            .importModel(
                                                    file, "mushroom", ImportOptions.defaults()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(file.toString());
            assertThat(h.registry().list()).isEmpty();
        }
    }
}
