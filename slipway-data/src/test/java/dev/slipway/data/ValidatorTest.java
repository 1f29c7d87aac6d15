package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {

    private static final Path ADULT_TRAIN = SharedData.dataset("adult_train.csv");
    private static final Path ADULT_TEST = SharedData.dataset("adult_test.csv");
    private static final DatasetRef ADULT = DatasetRef.latest("adult");

    @TempDir Path dir;
    private DataHome h;
    private String against;

    @BeforeEach
    void importAdult() {
        h = DataHome.sqlite(dir.resolve("home"));
        DatasetVersion v =
                h.datasets()
                        .importFile(
                                ADULT_TRAIN,
                                "adult",
                                ImportOptions.defaults(),
                                ProgressListener.NONE)
                        .version();
        against = "adult@" + v.id();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void validate_adultTestSplit_passes() {
        ValidationReport r = h.datasets().validate(ADULT, ADULT_TEST);

        assertThat(r.passed()).isTrue();
        assertThat(r.errors()).isZero();
        assertThat(r.rows()).isEqualTo(16_281);
        assertThat(r.against()).isEqualTo(against);
        assertThat(r.problems())
                .allSatisfy(p -> assertThat(p.kind()).isEqualTo(ProblemKind.OUT_OF_RANGE));
    }

    @Test
    void validate_renamedColumnStringInAgeAndUnseenWorkclass_failsWithThoseThreeErrors()
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ADULT_TEST));
        lines.set(0, lines.get(0).replace("fnlwgt", "fnlwgt_x"));
        lines.set(17, lines.get(17).replaceFirst("^[0-9]+,", "abc,"));
        lines.set(100, lines.get(100).replaceFirst(", [A-Za-z-]+,", ", Space-force,"));
        Path batch = Files.write(dir.resolve("batch.csv"), lines);

        ValidationReport r = h.datasets().validate(ADULT, batch);

        assertThat(r.passed()).isFalse();
        List<Problem> errors =
                r.problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();
        assertThat(errors)
                .extracting(Problem::kind, Problem::column, Problem::count, Problem::examples)
                .containsExactly(
                        tuple(ProblemKind.MISSING_COLUMN, "fnlwgt", 16_281L, List.of()),
                        tuple(ProblemKind.TYPE_VIOLATION, "age", 1L, List.of("'abc' (line 18)")),
                        tuple(
                                ProblemKind.UNSEEN_CATEGORY,
                                "workclass",
                                1L,
                                List.of("'Space-force' (line 101)")));
        assertThat(errors.get(0).message()).contains("renamed to 'fnlwgt_x'");
        assertThat(errors.get(2).message()).contains(against).contains("Private");
        assertThat(r.problems())
                .filteredOn(p -> p.kind() == ProblemKind.EXTRA_COLUMN)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.column()).isEqualTo("fnlwgt_x");
                            assertThat(p.severity()).isEqualTo(Severity.WARNING);
                            assertThat(p.message()).contains("'fnlwgt' renamed");
                        });
    }

    @Test
    void validate_valuesOutsideRangeAndManyMissing_warnsWithRatesAndExamples() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ADULT_TEST).subList(0, 101));
        lines.set(5, lines.get(5).replaceFirst("^[0-9]+,", "150,"));
        for (int i = 1; i <= 20; i++) {
            lines.set(i, lines.get(i).replaceFirst(", [^,]+,(?=[^,]*$)", ", ?,"));
        }
        Path batch = Files.write(dir.resolve("batch.csv"), lines);

        ValidationReport r = h.datasets().validate(ADULT, batch);

        assertThat(r.passed()).isTrue();
        assertThat(r.problems())
                .filteredOn(p -> p.kind() == ProblemKind.OUT_OF_RANGE && p.column().equals("age"))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.examples()).containsExactly("'150' (line 6)");
                            assertThat(p.message()).contains("[17, 90]");
                        });
        assertThat(r.problems())
                .filteredOn(p -> p.kind() == ProblemKind.NULL_RATE)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.column()).isEqualTo("native-country");
                            // 20 blanked here, 2 missing already
                            assertThat(p.count()).isEqualTo(22);
                            assertThat(p.message()).contains("22.0%").contains("1.8%");
                        });
    }

    @Test
    void validate_parquetExportOfTheReference_hasNoProblem() {
        Path parquet =
                h.datasets().export(ADULT, dir.resolve("adult.parquet"), SourceFormat.PARQUET);

        ValidationReport r = h.datasets().validate(ADULT, parquet);

        assertThat(r.problems()).isEmpty();
        assertThat(r.rows()).isEqualTo(32_561);
    }

    @Test
    void validate_raggedCsv_throwsTheImportersError() throws IOException {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "age,workclass\n1,a\n2,b,c\n");

        InvalidInputException fromImport =
                assertThrows(
                        InvalidInputException.class,
                        () ->
                                h.datasets()
                                        .importFile(
                                                ragged,
                                                "ragged",
                                                ImportOptions.defaults(),
                                                ProgressListener.NONE));

        assertThatThrownBy(() -> h.datasets().validate(ADULT, ragged))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(fromImport.getMessage());
    }

    @Test
    void validate_missingFile_throwsInvalidInputNamingIt() {
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> h.datasets().validate(ADULT, missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void closest_similarNames_pairsOnlyLikelyRenames() {
        assertThat(Renames.closest("age", List.of("sex", "agee"))).contains("agee");
        assertThat(Renames.closest("hours-per-week", List.of("Hours_Per_Week")))
                .contains("Hours_Per_Week");
        assertThat(Renames.closest("age", List.of("sex", "race"))).isEmpty();
    }
}
