package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code slipway models import} on the real models in shared/models, and what it refuses. */
class ModelsImportTest extends ModelsCliTest {

    private JsonNode importJson(Path file, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("models", "import", file.toString()));
        args.addAll(List.of("--name", name, "--json"));
        args.addAll(Arrays.asList(more));
        CliRun r = slipway(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r.json();
    }

    private static List<String> inputNames(JsonNode versionJson) {
        List<String> names = new ArrayList<>();
        versionJson
                .at("/manifest/signature/inputs")
                .forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    /**
     * The first rows of agaricus.test as a CSV with columns f0..f126 (the model's 127 features, as
     * its header counts them); absent features are empty.
     */
    private Path agaricusCsv(int rows) throws IOException {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < 127; i++) {
            header.add("f" + i);
        }
        csv.append(String.join(",", header)).append('\n');
        for (String line : Files.readAllLines(AGARICUS).subList(0, rows)) {
            String[] cells = new String[127];
            Arrays.fill(cells, "");
            for (String pair : line.split(" ")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    cells[Integer.parseInt(pair.substring(0, colon))] = pair.substring(colon + 1);
                }
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return Files.writeString(dir.resolve("agaricus.csv"), csv);
    }

    @Test
    void import_xgboostLegacyMushroomWithSample_binaryWith127Inputs() throws IOException {
        JsonNode v = importJson(MUSHROOM, "mushroom", "--sample", agaricusCsv(20).toString());

        assertThat(v.get("ref").asText()).isEqualTo("mushroom/1");
        assertThat(v.get("format").asText()).isEqualTo("xgboost");
        assertThat(v.get("task").asText()).isEqualTo("binary");
        assertThat(v.get("sample_rows").asInt()).isEqualTo(20);
        assertThat(inputNames(v)).hasSize(127).startsWith("f0", "f1");
    }

    @Test
    void import_lightgbmToy_showListsFormatRuntimeAndFileSha256() throws Exception {
        CliRun imported = slipway("models", "import", TOY.toString(), "--name", "toy");

        CliRun shown = slipway("models", "show", "toy");

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported").contains("toy/1").contains("lightgbm");
        assertThat(shown.code()).isZero();
        assertThat(shown.out())
                .contains("toy/1")
                .contains("format:      lightgbm, runtime ")
                .contains("Provenance: imported")
                .contains("toy_categorical_model.txt")
                .contains(sha256(TOY));
    }

    @Test
    void import_onnxIrisWithCsvSample_packsTheFourColumnsIntoItsInput() throws IOException {
        Path sample =
                Files.writeString(
                        dir.resolve("iris.csv"),
                        "sepal_length,sepal_width,petal_length,petal_width\n"
                                + "5.1,3.5,1.4,0.2\n6.8,2.8,4.8,1.4\n");

        JsonNode v =
                importJson(IRIS, "iris", "--sample", sample.toString(), "--task", "multiclass");

        assertThat(v.get("format").asText()).isEqualTo("onnx");
        assertThat(v.get("task").asText()).isEqualTo("multiclass");
        assertThat(v.get("sample_rows").asInt()).isEqualTo(2);
        JsonNode input = v.at("/manifest/signature/inputs/0");
        assertThat(input.get("name").asText()).isEqualTo("float_input");
        assertThat(input.get("width").asInt()).isEqualTo(4);
    }

    @Test
    void import_onnxTitanic_showsItsFiveTypedInputsAndClassNames() {
        importJson(TITANIC, "titanic");

        CliRun shown = slipway("models", "show", "titanic/1");

        assertThat(shown.code()).isZero();
        assertThat(shown.out())
                .contains("5 inputs")
                .containsPattern("pclass +string")
                .containsPattern("age +fp32")
                .containsPattern("output_probability +fp32 x2 +0, 1");
    }

    @Test
    void import_onnxTitanicWithCsvSample_numbersGivenAsTextWhereItTakesText() throws IOException {
        Path sample =
                Files.writeString(
                        dir.resolve("passengers.csv"),
                        "pclass,sex,age,fare,embarked\n3,male,22,7.25,S\n1,female,,71.28,C\n");

        JsonNode v = importJson(TITANIC, "titanic", "--sample", sample.toString());

        assertThat(v.get("sample_rows").asInt()).isEqualTo(2);
    }

    @Test
    void import_pickle_exit3NamingPickle() throws IOException {
        Path pickle = dir.resolve("model.bin");
        Files.write(pickle, new byte[] {(byte) 0x80, 0x04, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0});

        CliRun r = slipway("models", "import", pickle.toString(), "--name", "evil");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("pickle").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(slipway("models", "list", "--json").json()).isEmpty();
    }

    @Test
    void import_schemaOnePerLine_namesTheFeatures() throws IOException {
        Path schema = Files.writeString(dir.resolve("features.txt"), "color\nsize\n");

        JsonNode v = importJson(TOY, "toy", "--schema", schema.toString());

        assertThat(inputNames(v)).containsExactly("color", "size");
    }

    @Test
    void import_schemaCsvHeader_namesTheFeatures() throws IOException {
        Path schema = Files.writeString(dir.resolve("header.csv"), "color,size\n");

        JsonNode v = importJson(TOY, "toy", "--schema", schema.toString());

        assertThat(inputNames(v)).containsExactly("color", "size");
    }

    @Test
    void import_signatureJson_recordedAsGiven() throws IOException {
        Path schema =
                Files.writeString(
                        dir.resolve("signature.json"),
                        """
                        {"inputs": [{"name": "color", "dtype": "fp64", "width": 1, "labels": []},
                                    {"name": "size", "dtype": "fp64", "width": 1, "labels": []}],
                         "outputs": [{"name": "prediction", "dtype": "fp64", "width": 1, "labels": []}]}
                        """);

        JsonNode v = importJson(TOY, "toy", "--schema", schema.toString());

        assertThat(inputNames(v)).containsExactly("color", "size");
        assertThat(v.at("/manifest/signature/outputs/0/name").asText()).isEqualTo("prediction");
    }

    @Test
    void import_sampleWithoutTheModelsColumns_exit3NamingWhatIsMissing() throws IOException {
        Path sample = Files.writeString(dir.resolve("rows.csv"), "a,b,c\n1,2,3\n");

        CliRun r =
                slipway(
                        "models",
                        "import",
                        TOY.toString(),
                        "--name",
                        "toy",
                        "--sample",
                        sample.toString());

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("rows.csv").contains("Column_0").contains("--schema");
    }

    @Test
    void import_unknownTask_exit3ListingTheTasks() {
        CliRun r =
                slipway("models", "import", TOY.toString(), "--name", "toy", "--task", "ranking");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("ranking").contains("regression");
    }

    @Test
    void import_twice_numbersTheVersions() {
        importJson(TOY, "toy");

        JsonNode second = importJson(TOY, "toy");

        assertThat(second.get("version").asInt()).isEqualTo(2);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
