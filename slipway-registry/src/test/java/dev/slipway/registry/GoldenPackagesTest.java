package dev.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.testkit.SharedData;
import dev.slipway.testkit.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Packages written by earlier builds (src/test/resources/golden) still register, load and predict.
 */
class GoldenPackagesTest {

    private static final List<ModelFormat> FORMATS =
            List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat());

    @TempDir Path dir;

    static Path golden() throws URISyntaxException {
        return Path.of(GoldenPackagesTest.class.getResource("/golden/README.md").toURI())
                .getParent();
    }

    /** Every golden package folder, {@code vN/NAME}. */
    static Stream<String> packages() throws IOException, URISyntaxException {
        Path root = golden();
        try (Stream<Path> dirs = Files.walk(root, 2)) {
            return dirs
                    .filter(p -> Files.isRegularFile(p.resolve(PackageFolders.MANIFEST)))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private RegistryHome home() {
        return RegistryHome.open(dir, TestDatabase.Kind.SQLITE, FORMATS);
    }

    private static ModelVersion register(RegistryHome h, String pkg) throws URISyntaxException {
        return h.registry().registerPackage(golden().resolve(pkg), "golden", "", Map.of());
    }

    @Test
    void packages_everyFormatVersion_present() throws IOException, URISyntaxException {
        assertThat(packages().map(p -> p.substring(0, p.indexOf('/'))).distinct())
                .contains("v" + ModelManifest.VERSION);
    }

    @ParameterizedTest
    @MethodSource("packages")
    void registerPackage_golden_loadsWithTheManifestsSignature(String pkg)
            throws URISyntaxException {
        try (RegistryHome h = home()) {
            ModelVersion v = register(h, pkg);

            try (Predictor p = h.registry().load(v)) {
                assertThat(p.signature()).isEqualTo(h.registry().manifest(v).signature());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("packages")
    void toJson_goldenOfThisVersion_writtenByteForByteAgain(String pkg)
            throws IOException, URISyntaxException {
        byte[] stored = Files.readAllBytes(golden().resolve(pkg).resolve(PackageFolders.MANIFEST));
        ModelManifest m = ModelManifest.fromJson(stored, pkg);

        if (pkg.startsWith("v" + ModelManifest.VERSION + "/")) {
            assertThat(m.toJson()).isEqualTo(stored);
        }
    }

    @Test
    void load_mushroomXGBoost_predictsThePublishedProbabilities()
            throws IOException, URISyntaxException {
        try (RegistryHome h = home();
                Predictor p = h.registry().load(register(h, "v1/mushroom-xgboost"))) {
            Frame rows = ImportXGBoostTest.agaricus(p.signature().inputs());

            FloatColumn probabilities = (FloatColumn) p.predict(rows).column("probabilities");

            double[] expected = ImportXGBoostTest.publishedProbabilities();
            for (int r = 0; r < expected.length; r++) {
                assertThat(probabilities.get(r, 1)).isCloseTo((float) expected[r], within(1e-6f));
            }
        }
    }

    @Test
    void load_toyLightGbm_predictsThePublishedValues() throws IOException, URISyntaxException {
        Path data = SharedData.root().resolve("models/lightgbm/toy_categorical_treelite");
        List<double[]> rows =
                Files.readAllLines(data.resolve("toy_categorical.test")).stream()
                        .map(
                                l ->
                                        Stream.of(l.strip().split(" "))
                                                .skip(1)
                                                .mapToDouble(
                                                        t -> Double.parseDouble(t.split(":")[1]))
                                                .toArray())
                        .toList();
        double[] expected =
                Files.readAllLines(data.resolve("toy_categorical.test.pred")).stream()
                        .mapToDouble(Double::parseDouble)
                        .toArray();
        try (RegistryHome h = home();
                Predictor p = h.registry().load(register(h, "v1/toy-lightgbm"))) {
            List<ColumnSpec> inputs = p.signature().inputs();
            Frame frame =
                    Frame.of(
                            DoubleColumn.of(
                                    inputs.get(0).name(),
                                    rows.stream().mapToDouble(r -> r[0]).toArray()),
                            DoubleColumn.of(
                                    inputs.get(1).name(),
                                    rows.stream().mapToDouble(r -> r[1]).toArray()));

            DoubleColumn y = (DoubleColumn) p.predict(frame).column("prediction");

            assertThat(y.values()).containsExactly(expected, within(1e-9));
        }
    }

    @Test
    void load_titanicOnnx_oneLabelAndProbabilitiesPerRow() throws URISyntaxException {
        Frame rows =
                Frame.of(
                        StringColumn.of("pclass", "1", "3"),
                        StringColumn.of("sex", "female", "male"),
                        FloatColumn.of("age", 29f, 40f),
                        FloatColumn.of("fare", 211.3f, 7.9f),
                        StringColumn.of("embarked", "S", "Q"));
        try (RegistryHome h = home();
                Predictor p = h.registry().load(register(h, "v1/titanic-onnx"))) {
            Frame out = p.predict(rows);

            LongColumn label = (LongColumn) out.column("output_label");
            FloatColumn probabilities = (FloatColumn) out.column("output_probability");
            assertThat(Arrays.stream(label.values()).boxed().toList())
                    .hasSize(2)
                    .allMatch(l -> l == 0 || l == 1);
            for (int r = 0; r < 2; r++) {
                assertThat(probabilities.get(r, 0) + probabilities.get(r, 1))
                        .isCloseTo(1f, within(1e-5f));
            }
        }
    }
}
