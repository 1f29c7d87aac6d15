package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Field;
import dev.slipway.testkit.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A version exported to any format and imported again has the same rows and schema. */
class FormatRoundTripTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void exportThenImport_keepsRowsTypesAndNulls(SourceFormat format) {
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            DatasetVersion original =
                    h.datasets()
                            .importFile(
                                    SharedData.dataset("adult_train.csv"),
                                    "adult",
                                    ImportOptions.defaults(),
                                    ProgressListener.NONE)
                            .version();
            Path file = dir.resolve("adult." + format.label());
            h.datasets().export(original.ref(), file, format);

            DatasetVersion again =
                    h.datasets()
                            .importFile(
                                    file, "again", ImportOptions.defaults(), ProgressListener.NONE)
                            .version();

            assertThat(again.rows()).isEqualTo(original.rows());
            assertThat(again.schema().fields())
                    .extracting(Field::name, Field::type, Field::nullable)
                    .containsExactlyElementsOf(
                            original.schema().fields().stream()
                                    .map(
                                            f ->
                                                    org.assertj.core.groups.Tuple.tuple(
                                                            f.name(), f.type(), f.nullable()))
                                    .toList());
            assertThat(again.schema().find("workclass").orElseThrow().domain())
                    .isEqualTo(original.schema().find("workclass").orElseThrow().domain());
            assertThat(
                            h.datasets()
                                    .profile(DatasetRef.parse("again"))
                                    .column("workclass")
                                    .orElseThrow()
                                    .nulls())
                    .isEqualTo(1836);
        }
    }
}
