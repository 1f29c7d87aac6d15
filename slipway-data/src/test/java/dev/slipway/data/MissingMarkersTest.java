package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Domain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which values count as missing is the user's choice, empty fields included. */
class MissingMarkersTest {

    @TempDir Path dir;

    private DatasetVersion importWith(ImportOptions options) throws IOException {
        Path f = Files.writeString(dir.resolve("m.csv"), "a,b\n1,x\n2,\n3,?\n4, NA \n5,x\n6,y\n");
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            return h.datasets().importFile(f, "m", options, ProgressListener.NONE).version();
        }
    }

    private static List<String> categories(DatasetVersion v) {
        return ((Domain.Categories) v.schema().find("b").orElseThrow().domain())
                .values().stream().map(c -> c.value()).sorted().toList();
    }

    @Test
    void importFile_defaultMarkers_emptyQuestionMarkAndNaAreMissing() throws IOException {
        DatasetVersion v = importWith(ImportOptions.defaults());

        assertThat(categories(v)).containsExactly("x", "y");
        assertThat(v.schema().find("b").orElseThrow().nullable()).isTrue();
    }

    @Test
    void importFile_onlyQuestionMarkMissing_keepsEmptyAndNaAsValues() throws IOException {
        DatasetVersion v = importWith(ImportOptions.builder().missing(List.of("?")).build());

        assertThat(categories(v)).containsExactly("", "NA", "x", "y");
    }

    @Test
    void importFile_noTrim_keepsSpacesAroundValues() throws IOException {
        DatasetVersion v =
                importWith(ImportOptions.builder().trim(false).missing(List.of("")).build());

        assertThat(categories(v)).containsExactly(" NA ", "?", "x", "y");
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            assertThat(
                            h.datasets()
                                    .profile(DatasetRef.parse("m"))
                                    .column("b")
                                    .orElseThrow()
                                    .nulls())
                    .isEqualTo(1);
        }
    }
}
