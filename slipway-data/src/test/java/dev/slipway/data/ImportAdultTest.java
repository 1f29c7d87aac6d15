package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.testkit.SharedData;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImportAdultTest {

    @TempDir Path dir;

    private static final Path ADULT = SharedData.dataset("adult_train.csv");

    private static ImportResult importAdult(DataHome h) {
        return h.datasets()
                .importFile(ADULT, "adult", ImportOptions.defaults(), ProgressListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importFile_adultTrain_hasRowsColumnsAndTypes(TestDatabase.Kind kind) {
        try (DataHome h = DataHome.open(dir, kind)) {
            ImportResult r = importAdult(h);

            DatasetVersion v = r.version();
            assertThat(r.created()).isTrue();
            assertThat(v.rows()).isEqualTo(32_561);
            assertThat(v.schema().size()).isEqualTo(15);
            assertThat(v.number()).isEqualTo(1);
            Field income = v.schema().find("income").orElseThrow();
            assertThat(income.type()).isEqualTo(LogicalType.CATEGORICAL);
            assertThat(((Domain.Categories) income.domain()).values())
                    .extracting(c -> c.value() + "=" + c.count())
                    .containsExactly("<=50K=24720", ">50K=7841");
            assertThat(v.schema().find("age").orElseThrow().type()).isEqualTo(LogicalType.INTEGER);
            assertThat(v.schema().find("age").orElseThrow().domain())
                    .isEqualTo(new Domain.Range(17, 90));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importFile_sameContentTwice_returnsSameVersion(TestDatabase.Kind kind) {
        try (DataHome h = DataHome.open(dir, kind)) {
            ImportResult first = importAdult(h);
            ImportResult second = importAdult(h);

            assertThat(second.created()).isFalse();
            assertThat(second.version().id()).isEqualTo(first.version().id());
            assertThat(h.datasets().history("adult")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importFile_adultWithBlanks_countsMissingValues(TestDatabase.Kind kind) {
        try (DataHome h = DataHome.open(dir, kind)) {
            importAdult(h);

            Profile p = h.datasets().profile(DatasetRef.parse("adult"));
            assertThat(p.column("workclass").orElseThrow().nulls()).isEqualTo(1836);
            assertThat(p.column("occupation").orElseThrow().nulls()).isEqualTo(1843);
            assertThat(p.column("native-country").orElseThrow().nulls()).isEqualTo(583);
            assertThat(
                            h.datasets()
                                    .resolve(DatasetRef.parse("adult"))
                                    .schema()
                                    .find("workclass")
                                    .orElseThrow()
                                    .nullable())
                    .isTrue();
            assertThat(
                            h.datasets()
                                    .resolve(DatasetRef.parse("adult"))
                                    .schema()
                                    .find("age")
                                    .orElseThrow()
                                    .nullable())
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resolve_byNumberAndIdPrefix_findsTheVersion(TestDatabase.Kind kind) {
        try (DataHome h = DataHome.open(dir, kind)) {
            DatasetVersion v = importAdult(h).version();

            assertThat(h.datasets().resolve(DatasetRef.parse("adult@1")).id()).isEqualTo(v.id());
            assertThat(
                            h.datasets()
                                    .resolve(DatasetRef.parse("adult@" + v.id().substring(0, 6)))
                                    .id())
                    .isEqualTo(v.id());
            assertThat(h.datasets().list())
                    .extracting(DatasetSummary::name)
                    .containsExactly("adult");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importFile_recordsTrimmedNames(TestDatabase.Kind kind) {
        try (DataHome h = DataHome.open(dir, kind)) {
            DatasetVersion v = importAdult(h).version();

            assertThat(v.options()).containsEntry("trim", "true");
            assertThat(v.options().get("trimmed_names")).contains("\" income\"");
        }
    }
}
