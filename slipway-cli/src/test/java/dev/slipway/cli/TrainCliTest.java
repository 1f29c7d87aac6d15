package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.testkit.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code slipway train}, {@code tune} and {@code runs} from the command line. */
class TrainCliTest {

    @TempDir Path dir;

    private String home() {
        return dir.resolve("home").toString();
    }

    private void importIris() {
        CliRun r =
                CliRun.of(
                        "data",
                        "import",
                        SharedData.dataset("iris.csv").toString(),
                        "--name",
                        "iris",
                        "--home",
                        home());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private CliRun train(String... extra) {
        String[] base = {
            "train",
            "--data",
            "iris",
            "--target",
            "target_name",
            "--exclude",
            "target",
            "--home",
            home()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "tune"})
    void help_showsAnExample(String command) {
        CliRun r = CliRun.of(command, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Example").contains("slipway " + command + " --data");
    }

    @Test
    void train_json_givesModelRunAndEvaluation() {
        importIris();

        CliRun r = train("--param", "num_round=20", "--alias", "champion", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = r.json();
        assertThat(n.get("model").asText()).isEqualTo("iris/1");
        assertThat(n.get("alias").asText()).isEqualTo("iris@champion");
        assertThat(n.at("/run/task").asText()).isEqualTo("multiclass");
        assertThat(n.at("/run/params/num_round").asText()).isEqualTo("20");
        assertThat(n.at("/evaluation/metrics/accuracy").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void runsShowAndCompare_twoTrainings_markTheDifferingParameter() {
        importIris();
        String a = train("--param", "num_round=10", "--json").json().at("/run/id").asText();
        String b = train("--param", "num_round=20", "--json").json().at("/run/id").asText();

        CliRun list = CliRun.of("runs", "list", "--home", home());
        CliRun show = CliRun.of("runs", "show", a.substring(0, 6), "--home", home());
        CliRun compare = CliRun.of("runs", "compare", a, b, "--home", home());

        assertThat(list.out()).contains(a).contains(b).contains("iris/1").contains("iris/2");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("num_round").contains("accuracy");
        assertThat(compare.code()).isZero();
        assertThat(compare.out()).containsPattern("\\*\\s+param num_round\\s+10\\s+20");
        assertThat(compare.out()).doesNotContainPattern("\\*\\s+param eta");
    }

    @Test
    void train_unknownParam_exitsInvalidInputListingTheValidOnes() {
        importIris();

        CliRun r = train("--param", "depth=3");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("unknown parameter 'depth'").contains("max_depth");
    }

    @Test
    void train_unknownDataset_exitsNotFound() {
        CliRun r = CliRun.of("train", "--data", "nope", "--target", "y", "--home", home());

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("no dataset named 'nope'");
    }

    @Test
    void train_withoutTarget_saysHowToNameIt() {
        CliRun r = CliRun.of("train", "--data", "iris", "--home", home());

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--target COL");
    }

    @Test
    void train_listParams_showsRangesAndDefaults() {
        CliRun r = CliRun.of("train", "--list-params", "--algo", "rf");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("num_parallel_tree").contains("default 100");
    }

    @Test
    void tune_quickGrid_recordsTrialsAndRegistersTheBest() {
        importIris();

        CliRun r =
                CliRun.of(
                        "tune",
                        "--data",
                        "iris",
                        "--target",
                        "target_name",
                        "--exclude",
                        "target",
                        "--space",
                        "quick",
                        "--strategy",
                        "grid",
                        "--trials",
                        "2",
                        "--folds",
                        "2",
                        "--home",
                        home(),
                        "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("trials")).hasSize(2);
        CliRun show = CliRun.of("runs", "show", r.json().at("/run/id").asText(), "--home", home());
        assertThat(show.out()).contains("TRIAL").contains("CV_MLOGLOSS");
    }
}
