package dev.slipway.cli;

import static dev.slipway.cli.PredictCliTest.execute;
import static dev.slipway.cli.PredictCliTest.query;
import static dev.slipway.cli.PredictCliTest.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code slipway predict} on the penguins: file formats in and out, rejected rows, row numbers as
 * keys, a regressor. The classifier refuses islands it was not trained on.
 */
class PredictFilesCliTest {

    private static final Path PENGUINS = SharedData.dataset("penguins.csv");

    @TempDir static Path shared;

    @TempDir Path dir;

    private static String home() {
        return shared.resolve("home").toString();
    }

    @BeforeAll
    static void trainPenguins() {
        run("data", "import", PENGUINS.toString(), "--name", "penguins");
        run(
                "train",
                "--data",
                "penguins",
                "--target",
                "species",
                "--unseen",
                "error",
                "--param",
                "num_round=10");
        run(
                "train",
                "--data",
                "penguins",
                "--target",
                "body_mass_g",
                "--exclude",
                "species",
                "--name",
                "mass",
                "--param",
                "num_round=5");
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home()));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isLessThanOrEqualTo(ExitCode.CHECK_FAILED);
        return r;
    }

    /** The penguins with an id column first, as {@code in.EXT}. */
    private Path penguinsWithId(String ext) throws Exception {
        Path in = dir.resolve("in." + ext);
        String format = ext.equals("jsonl") ? "json" : ext;
        execute(
                "COPY (SELECT row_number() OVER () AS id, * FROM read_csv(%s)) TO %s (FORMAT %s)"
                        .formatted(sql(PENGUINS), sql(in), format));
        return in;
    }

    private static String reader(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".parquet")
                ? "read_parquet(" + sql(p) + ")"
                : name.endsWith(".jsonl")
                        ? "read_json(" + sql(p) + ", format='newline_delimited')"
                        : "read_csv(" + sql(p) + ", header=true)";
    }

    @ParameterizedTest
    @CsvSource({"csv,parquet", "parquet,jsonl", "jsonl,csv", "parquet,parquet"})
    void predict_formats_giveTheSameLabelsAsCsv(String inExt, String outExt) throws Exception {
        Path baseline = dir.resolve("baseline.csv");
        run(
                "predict",
                "--model",
                "penguins",
                "--input",
                penguinsWithId("csv").toString(),
                "--output",
                baseline.toString(),
                "--key",
                "id");
        Path out = dir.resolve("out." + outExt);

        CliRun r =
                run(
                        "predict",
                        "--model",
                        "penguins",
                        "--input",
                        penguinsWithId(inExt).toString(),
                        "--output",
                        out.toString(),
                        "--key",
                        "id",
                        "--batch-size",
                        "100");

        assertThat(r.code()).as(r.err()).isZero();
        String select =
                "SELECT CAST(id AS BIGINT), label, CAST(proba_Gentoo AS DOUBLE) FROM %s ORDER BY 1";
        List<List<String>> got = query(select.formatted(reader(out)));
        List<List<String>> expected = query(select.formatted(reader(baseline)));
        assertThat(got).hasSize(344);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).subList(0, 2)).isEqualTo(expected.get(i).subList(0, 2));
            assertThat(Double.parseDouble(got.get(i).get(2)))
                    .isCloseTo(Double.parseDouble(expected.get(i).get(2)), within(1e-6));
        }
        List<String> header =
                query("SELECT column_name FROM (DESCRIBE SELECT * FROM %s)".formatted(reader(out)))
                        .stream()
                        .map(row -> row.get(0))
                        .toList();
        assertThat(header)
                .containsExactly("id", "label", "proba_Adelie", "proba_Chinstrap", "proba_Gentoo");
    }

    @Test
    void predict_parquetOutput_keepsTheKeyTypeAndWritesNumbers() throws Exception {
        Path out = dir.resolve("out.parquet");

        run(
                "predict",
                "--model",
                "penguins",
                "--input",
                penguinsWithId("parquet").toString(),
                "--output",
                out.toString());

        List<List<String>> types =
                query(
                        "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(%s))"
                                .formatted(sql(out)));
        assertThat(types)
                .contains(
                        List.of("id", "BIGINT"),
                        List.of("species", "VARCHAR"),
                        List.of("label", "VARCHAR"));
        assertThat(types.get(types.size() - 1).get(1)).isIn("FLOAT", "DOUBLE");
    }

    @Test
    void predict_badRows_scoresTheOthersAndRejectsEachWithItsReason() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(PENGUINS));
        // Row 3 has a bill length that is not a number; row 5 an island the model never saw.
        lines.set(3, lines.get(3).replace("40.3", "abc"));
        lines.set(5, lines.get(5).replace("Torgersen", "Atlantis"));
        Path in = dir.resolve("bad.csv");
        Files.write(in, lines);
        Path out = dir.resolve("scores.csv");

        CliRun r =
                CliRun.of(
                        "predict",
                        "--model",
                        "penguins",
                        "--input",
                        in.toString(),
                        "--output",
                        out.toString(),
                        "--batch-size",
                        "64",
                        "--home",
                        home());

        Path rejects = dir.resolve("scores.rejects.csv");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.err()).contains("2 rows were rejected").contains(rejects.toString());
        assertThat(r.out()).containsPattern("predicted +342").containsPattern("rejected +2");
        assertThat(query("SELECT count(*) FROM " + reader(out))).containsExactly(List.of("342"));
        List<List<String>> bad =
                query(
                        "SELECT row, reason, island, bill_length_mm FROM read_csv(%s, header=true, all_varchar=true)"
                                .formatted(sql(rejects)));
        assertThat(bad).hasSize(2);
        assertThat(bad.get(0).get(0)).isEqualTo("3");
        assertThat(bad.get(0).get(1)).contains("bill_length_mm").contains("'abc' is not a number");
        assertThat(bad.get(0).get(3)).isEqualTo("abc");
        assertThat(bad.get(1).get(0)).isEqualTo("5");
        assertThat(bad.get(1).get(1)).contains("island").contains("Atlantis");
        assertThat(bad.get(1).get(2)).isEqualTo("Atlantis");
    }

    @Test
    void predict_noOtherColumns_keysRowsByNumber() throws Exception {
        Path in = dir.resolve("features.parquet");
        execute(
                "COPY (SELECT island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex FROM read_csv(%s)) TO %s (FORMAT parquet)"
                        .formatted(sql(PENGUINS), sql(in)));
        Path out = dir.resolve("scores.csv");

        run("predict", "--model", "penguins", "--input", in.toString(), "--output", out.toString());

        List<List<String>> rows =
                query("SELECT * FROM read_csv(%s, header=true) LIMIT 2".formatted(sql(out)));
        assertThat(rows.get(0).get(0)).isEqualTo("1");
        assertThat(rows.get(1).get(0)).isEqualTo("2");
        assertThat(Files.readAllLines(out).get(0)).startsWith("row,label,proba_Adelie");
    }

    @Test
    void predict_regressor_writesPrediction() throws Exception {
        Path out = dir.resolve("mass.jsonl");

        CliRun r =
                run(
                        "predict",
                        "--model",
                        "mass",
                        "--input",
                        PENGUINS.toString(),
                        "--output",
                        out.toString(),
                        "--json");

        assertThat(r.json().get("keys").toString()).isEqualTo("[\"species\",\"body_mass_g\"]");
        List<List<String>> rows =
                query(
                        "SELECT count(*), min(prediction) > 2000, max(prediction) < 7000 FROM "
                                + reader(out));
        assertThat(rows).containsExactly(List.of("344", "true", "true"));
    }

    @Test
    void predict_secondRunWithoutRejects_removesTheStaleRejectsFile() throws IOException {
        Path out = dir.resolve("scores.csv");
        Path rejects = dir.resolve("scores.rejects.csv");
        Files.writeString(rejects, "row,reason\n1,old\n");

        CliRun r =
                run(
                        "predict",
                        "--model",
                        "penguins",
                        "--input",
                        PENGUINS.toString(),
                        "--output",
                        out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(rejects).doesNotExist();
        assertThat(Files.readAllLines(out)).hasSize(345);
    }
}
