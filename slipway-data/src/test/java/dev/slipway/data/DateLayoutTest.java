package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.LogicalType;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates written month first with slashes (the bike sharing data's 1/1/2011) are timestamps. */
class DateLayoutTest {

    @TempDir Path dir;

    private static final Path BIKES = SharedData.dataset("bike_sharing_hourly.csv");

    private DatasetVersion importBikes(DataHome h) {
        return h.datasets()
                .importFile(BIKES, "bikes", ImportOptions.defaults(), ProgressListener.NONE)
                .version();
    }

    @Test
    void importFile_monthFirstDates_areTimestampsWithTheirRange() {
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            DatasetVersion v = importBikes(h);

            var dteday = v.schema().find("dteday").orElseThrow();
            assertThat(dteday.type()).isEqualTo(LogicalType.TIMESTAMP);
            assertThat(dteday.domain())
                    .isEqualTo(
                            new Domain.TimeRange(
                                    LocalDateTime.of(2011, 1, 1, 0, 0),
                                    LocalDateTime.of(2012, 12, 31, 0, 0)));
            assertThat(v.options().get("time_formats")).contains("%m/%d/%Y");
        }
    }

    @Test
    void validate_sameLayout_passesAndIsoDatesFail() throws IOException {
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            importBikes(h);
            List<String> lines = new ArrayList<>(Files.readAllLines(BIKES));
            Path same = Files.write(dir.resolve("same.csv"), lines.subList(0, 100));
            lines.set(3, lines.get(3).replace("1/1/2011", "2011-13-45"));
            Path bad = Files.write(dir.resolve("bad.csv"), lines.subList(0, 100));

            assertThat(h.datasets().validate(DatasetRef.parse("bikes"), same).passed()).isTrue();
            ValidationReport r = h.datasets().validate(DatasetRef.parse("bikes"), bad);
            assertThat(r.problems())
                    .extracting(Problem::kind, Problem::column)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    ProblemKind.TYPE_VIOLATION, "dteday"));
        }
    }

    @Test
    void split_byDateColumn_putsTheLatestDaysInTest() {
        try (DataHome h = DataHome.sqlite(dir.resolve("home"))) {
            importBikes(h);

            SplitResult s =
                    h.datasets()
                            .split(
                                    DatasetRef.parse("bikes"),
                                    new SplitSpec(
                                            0.25,
                                            42,
                                            Optional.empty(),
                                            Optional.of("dteday"),
                                            "bikes-train",
                                            "bikes-test"));

            var train = (Domain.TimeRange) s.train().schema().find("dteday").orElseThrow().domain();
            var test = (Domain.TimeRange) s.test().schema().find("dteday").orElseThrow().domain();
            assertThat(train.max()).isBeforeOrEqualTo(test.min());
        }
    }
}
