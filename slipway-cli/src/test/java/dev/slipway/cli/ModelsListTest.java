package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing models and versions, the help of each command, and names that do not exist. */
class ModelsListTest extends ModelsCliTest {

    private void importModel(Path file, String name) {
        CliRun r = slipway("models", "import", file.toString(), "--name", name);
        assertThat(r.code()).as(r.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "list",
                "show",
                "versions",
                "import",
                "alias",
                "tag",
                "describe",
                "delete",
                "export",
                "register-package"
            })
    void help_eachCommand_showsAnExample(String command) {
        CliRun r = run("models", command, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Example").contains("slipway models " + command);
    }

    @Test
    void list_noModels_saysHowToGetOne() {
        CliRun r = slipway("models", "list");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No models yet").contains("slipway models import");
    }

    @Test
    void list_twoModels_showsLatestFormatAndAliases() {
        importModel(TOY, "toy");
        importModel(IRIS, "iris");
        importModel(IRIS, "iris");
        slipway("models", "alias", "set", "iris", "champion", "1");

        CliRun r = slipway("models", "list");

        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern("iris +2 +2 +onnx .*champion->1")
                .containsPattern("toy +1 +1 +lightgbm");
    }

    @Test
    void listJson_isSortedByNameWithLatestVersion() {
        importModel(TOY, "toy");
        importModel(IRIS, "iris");

        JsonNode list = slipway("models", "list", "--json").json();

        assertThat(list).extracting(m -> m.get("model").asText()).containsExactly("iris", "toy");
        assertThat(list.get(1).get("latest").get("format").asText()).isEqualTo("lightgbm");
    }

    @Test
    void versions_listsEveryVersionOldestFirst() {
        importModel(TOY, "toy");
        importModel(TOY, "toy");
        slipway("models", "describe", "toy/2", "second");

        JsonNode versions = slipway("models", "versions", "toy", "--json").json();

        assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
        assertThat(versions.get(1).get("description").asText()).isEqualTo("second");
    }

    @Test
    void showJson_hasManifestWithProvenanceAndFiles() {
        importModel(IRIS, "iris");

        JsonNode v = slipway("models", "show", "iris", "--json").json();

        assertThat(v.at("/manifest/model_format").asText()).isEqualTo("onnx");
        assertThat(v.at("/manifest/provenance/source/kind").asText()).isEqualTo("imported");
        assertThat(v.at("/manifest/provenance/source/file_name").asText())
                .isEqualTo("rf_iris.onnx");
        assertThat(v.at("/manifest/files/0/sha256").asText()).hasSize(64);
        assertThat(v.at("/manifest/signature/outputs/1/labels"))
                .extracting(JsonNode::asText)
                .containsExactly("0", "1", "2");
    }

    @Test
    void show_unknownModel_exit4ListingTheModelsThereAre() {
        importModel(TOY, "toy");

        CliRun r = slipway("models", "show", "nope");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("no model named 'nope'").contains("toy");
    }

    @Test
    void versions_unknownModel_exit4() {
        CliRun r = slipway("models", "versions", "nope");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("nope");
    }

    @Test
    void show_missingVersion_exit4ListingTheVersions() {
        importModel(TOY, "toy");

        CliRun r = slipway("models", "show", "toy/9");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("no version 9").contains("1");
    }

    @Test
    void exportThenRegisterPackage_sameFilesInANewModel() {
        importModel(TOY, "toy");
        Path pkg = dir.resolve("pkg");

        CliRun exported = slipway("models", "export", "toy/1", pkg.toString());
        CliRun registered =
                slipway("models", "register-package", pkg.toString(), "--name", "copy", "--json");

        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(pkg.resolve("manifest.json")).exists();
        assertThat(registered.code()).as(registered.err()).isZero();
        JsonNode original = slipway("models", "show", "toy", "--json").json();
        assertThat(registered.json().at("/manifest/files"))
                .isEqualTo(original.at("/manifest/files"));
    }
}
