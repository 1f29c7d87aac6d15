package dev.slipway.monitor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ProblemKind;
import dev.slipway.data.ProgressListener;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataQualityTest {

    private static final Path ADULT = Path.of("../../shared/datasets/adult_train.csv");

    @TempDir Path dir;

    @Test
    void check_shiftedAdultRows_nullsRangesAndUnseenCategoriesCounted() throws Exception {
        try (SlipwayHome home = SlipwayHome.open(dir.resolve("home"));
                Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            Datasets datasets = new Datasets(home, Clock.systemUTC(), DataLimits.defaults());
            datasets.importFile(ADULT, "adult", ImportOptions.defaults(), ProgressListener.NONE);
            try (Statement s = duck.createStatement()) {
                // 100 rows of the training file, with: 10 ages missing, 5 ages of 200 (the
                // reference's oldest is 90), 3 workclasses never seen.
                s.execute(
                        """
                        CREATE TABLE cur AS
                        SELECT CASE WHEN n < 10 THEN NULL WHEN n < 15 THEN 200 ELSE age END AS age,
                               CASE WHEN n BETWEEN 20 AND 22 THEN 'Space-agency' ELSE workclass END AS workclass,
                               "hours-per-week"
                        FROM (SELECT row_number() OVER () - 1 AS n, *
                              FROM read_csv('%s', nullstr = '?') LIMIT 100)"""
                                .formatted(ADULT.toAbsolutePath()));
            }

            QualityReport r =
                    DataQuality.check(
                            datasets,
                            DatasetRef.latest("adult"),
                            duck,
                            "cur",
                            List.of("age", "workclass", "hours-per-week", "occupation"),
                            dir.resolve("scratch"));

            assertThat(r.rows()).isEqualTo(100);
            assertThat(r.against()).startsWith("adult@");
            ColumnQuality age = r.columns().get(0);
            assertThat(age.column()).isEqualTo("age");
            assertThat(age.nulls()).isEqualTo(10);
            assertThat(age.nullRate()).isEqualTo(0.1);
            assertThat(age.outOfRange()).isEqualTo(5);
            ColumnQuality workclass = r.columns().get(1);
            assertThat(workclass.unseenCategories()).isEqualTo(3);
            assertThat(r.columns().get(2).outOfRange()).isZero();
            assertThat(r.columns().get(2).unseenCategories()).isZero();
            // A model input the current data lacks: every row missing, and a problem naming it.
            ColumnQuality occupation = r.columns().get(3);
            assertThat(occupation.nullRate()).isEqualTo(1.0);
            assertThat(r.problems())
                    .anySatisfy(
                            p -> {
                                assertThat(p.kind()).isEqualTo(ProblemKind.MISSING_COLUMN);
                                assertThat(p.column()).isEqualTo("occupation");
                            });
            // The target, not a feature here, is not reported missing.
            assertThat(r.problems()).noneMatch(p -> p.column().equals("income"));
        }
    }
}
