package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    @TempDir Path dir;

    private static final Path ADULT = SharedData.dataset("adult_train.csv");
    private static final Path ADULT_TEST = SharedData.dataset("adult_test.csv");

    private String home() {
        return dir.resolve("home").toString();
    }

    private CliRun importAdult() {
        return CliRun.of("data", "import", ADULT.toString(), "--name", "adult", "--home", home());
    }

    @Test
    void help_listsCommands() {
        CliRun r = CliRun.of("--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("data").contains("quickstart").contains("Examples:");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "import",
                "list",
                "show",
                "head",
                "history",
                "export",
                "profile",
                "validate",
                "split"
            })
    void dataSubcommandHelp_showsAnExample(String command) {
        CliRun r = CliRun.of("data", command, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Example").contains("slipway data " + command);
    }

    @Test
    void importJson_printsVersionRowsAndSchema() {
        CliRun r =
                CliRun.of(
                        "data",
                        "import",
                        ADULT.toString(),
                        "--name",
                        "adult",
                        "--json",
                        "--home",
                        home());

        assertThat(r.code()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("rows").asLong()).isEqualTo(32_561);
        assertThat(n.get("columns").asInt()).isEqualTo(15);
        assertThat(n.get("created").asBoolean()).isTrue();
        assertThat(n.get("schema").get("fields").get(14).get("name").asText()).isEqualTo("income");
    }

    @Test
    void importTwice_sameVersionId() {
        String[] args = {
            "data", "import", ADULT.toString(), "--name", "adult", "--json", "--home", home()
        };
        JsonNode first = CliRun.of(args).json();
        JsonNode second = CliRun.of(args).json();

        assertThat(second.get("version").asText()).isEqualTo(first.get("version").asText());
        assertThat(second.get("created").asBoolean()).isFalse();
    }

    @Test
    void validate_adultTest_passes() {
        importAdult();

        CliRun r = CliRun.of("data", "validate", "adult", ADULT_TEST.toString(), "--home", home());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("passed");
    }

    @Test
    void validate_renamedColumnStringInAgeUnseenWorkclass_failsWithThoseThree() throws IOException {
        importAdult();
        List<String> lines = new ArrayList<>(Files.readAllLines(ADULT_TEST));
        lines.set(0, lines.get(0).replace(" education-num", " education-years"));
        lines.set(5, lines.get(5).replaceFirst("^\\d+,", "abc,"));
        lines.set(9, lines.get(9).replace(" Private,", " Space-force,"));
        Path bad = Files.write(dir.resolve("bad.csv"), lines);

        CliRun r =
                CliRun.of("data", "validate", "adult", bad.toString(), "--json", "--home", home());

        assertThat(r.code()).isEqualTo(1);
        List<String> errors = new ArrayList<>();
        for (JsonNode p : r.json().get("problems")) {
            if (p.get("severity").asText().equals("error")) {
                errors.add(p.get("kind").asText() + " " + p.get("column").asText());
            }
        }
        assertThat(errors)
                .containsExactlyInAnyOrder(
                        "missing_column education-num",
                        "type_violation age",
                        "unseen_category workclass");
    }

    @Test
    void import_missingFile_exitsInvalidInput() {
        CliRun r =
                CliRun.of(
                        "data",
                        "import",
                        dir.resolve("nope.csv").toString(),
                        "--name",
                        "x",
                        "--home",
                        home());

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).startsWith("error: ").contains("nope.csv").doesNotContain("Exception");
    }

    @Test
    void show_unknownDataset_exitsNotFound() {
        CliRun r = CliRun.of("data", "show", "nothing", "--home", home());

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("no dataset named 'nothing'").contains("slipway data list");
    }

    @Test
    void unknownOption_exitsUsage() {
        CliRun r = CliRun.of("data", "list", "--colour", "--home", home());

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--colour").contains("--help");
    }

    @Test
    void badTypeOverride_exitsInvalidInputNamingTheType() {
        CliRun r =
                CliRun.of(
                        "data",
                        "import",
                        ADULT.toString(),
                        "--type",
                        "age=number",
                        "--home",
                        home());

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("'number' is not a type");
    }

    @Test
    void listHeadHistoryProfileExport_afterImport_succeed() throws IOException {
        importAdult();
        Path out = dir.resolve("out/adult.parquet");

        assertThat(
                        CliRun.of("data", "list", "--json", "--home", home())
                                .json()
                                .get(0)
                                .get("dataset")
                                .asText())
                .isEqualTo("adult");
        assertThat(
                        CliRun.of("data", "head", "adult", "-n", "3", "--json", "--home", home())
                                .json()
                                .size())
                .isEqualTo(3);
        assertThat(CliRun.of("data", "history", "adult", "--home", home()).out())
                .contains("adult_train.csv");
        assertThat(
                        CliRun.of("data", "profile", "adult", "--json", "--home", home())
                                .json()
                                .get("rows")
                                .asLong())
                .isEqualTo(32_561);
        assertThat(
                        CliRun.of(
                                        "data",
                                        "export",
                                        "adult@1",
                                        "--out",
                                        out.toString(),
                                        "--home",
                                        home())
                                .code())
                .isZero();
        assertThat(Files.size(out)).isPositive();
    }

    @Test
    void split_stratified_createsTwoVersionsWithLineage() {
        importAdult();

        CliRun r =
                CliRun.of(
                        "data",
                        "split",
                        "adult",
                        "--test",
                        "0.2",
                        "--seed",
                        "42",
                        "--stratify",
                        "income",
                        "--json",
                        "--home",
                        home());

        assertThat(r.code()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("train").get("rows").asLong() + n.get("test").get("rows").asLong())
                .isEqualTo(32_561);
        assertThat(n.get("test").get("lineage").get("operation").asText()).isEqualTo("split");
    }
}
