package dev.slipway.monitor.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.log.DataColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutliersTest {

    private static final Path DRIFT = Path.of("../../shared/datasets/drift");

    private Connection duck;

    @BeforeEach
    void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            // Reference: x = 0..100, city in {a, b}.
            s.execute(
                    "CREATE TABLE ref AS SELECT i::DOUBLE AS x, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS city FROM range(101) t(i)");
            s.execute(
                    """
                    CREATE TABLE cur AS SELECT * FROM (VALUES
                        ('r1', 50.0, 'a'),
                        ('r2', 0.5, 'a'),
                        ('r3', 150.0, 'a'),
                        ('r4', 150.0, 'z'),
                        ('r5', NULL, 'z'),
                        ('r6', NULL, NULL)) v(id, x, city)""");
        }
    }

    @AfterEach
    void close() throws SQLException {
        duck.close();
    }

    @Test
    void score_rowsOutsideTheReference_scoredByTheShareOfTheirFeatures() {
        OutlierSummary s =
                Outliers.score(
                        duck,
                        "ref",
                        "cur",
                        List.of(new DataColumn("x", "DOUBLE"), new DataColumn("city", "VARCHAR")),
                        List.of("id"),
                        List.of("id"),
                        OutlierOptions.defaults());

        // The 1% and 99% quantiles of 0..100 are 1 and 99: 0.5 and 150 are outside.
        assertThat(s.ranges().get(0).low()).hasValue(1.0);
        assertThat(s.ranges().get(0).high()).hasValue(99.0);
        assertThat(s.ranges().get(1).categories()).isEqualTo(2);
        assertThat(s.rows()).isEqualTo(6);
        assertThat(s.outlierRows()).isEqualTo(4);
        assertThat(s.outsideByFeature()).containsExactly(Map.entry("x", 3L), Map.entry("city", 2L));
        // Scores: r1 0, r2 1/2, r3 1/2, r4 1, r5 1 (only city present), r6 0 (nothing present).
        assertThat(s.meanScore()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(s.top())
                .extracting(r -> r.key().get("id"), OutlierRow::score, OutlierRow::outside)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r4", 1.0, List.of("x", "city")),
                        org.assertj.core.groups.Tuple.tuple("r5", 1.0, List.of("city")),
                        org.assertj.core.groups.Tuple.tuple("r2", 0.5, List.of("x")),
                        org.assertj.core.groups.Tuple.tuple("r3", 0.5, List.of("x")));
        assertThat(s.top().get(0).values())
                .containsExactly(Map.entry("x", "150.0"), Map.entry("city", "z"));
        assertThat(s.method()).contains("1%").contains("99%");
    }

    @Test
    void score_topLimited_highestFirst() {
        OutlierSummary s =
                Outliers.score(
                        duck,
                        "ref",
                        "cur",
                        List.of(new DataColumn("x", "DOUBLE")),
                        List.of("id"),
                        List.of("id"),
                        OutlierOptions.defaults().withTop(1));

        assertThat(s.top()).hasSize(1);
        assertThat(s.top().get(0).key()).containsEntry("id", "r2");
        assertThat(s.outlierRows()).isEqualTo(3);
    }

    @Test
    void score_featureMissingFromTheReference_namesTheFeatures() {
        assertThatThrownBy(
                        () ->
                                Outliers.score(
                                        duck,
                                        "ref",
                                        "cur",
                                        List.of(new DataColumn("id", "VARCHAR")),
                                        List.of("id"),
                                        List.of("id"),
                                        OutlierOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the reference has no column [id]")
                .hasMessageContaining("[city, x]");
    }

    @Test
    void options_quantilesOutOfOrder_refused() {
        assertThatThrownBy(() -> new OutlierOptions(0.9, 0.1, 5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("0.01 and 0.99");
    }

    @Test
    void score_californiaAnalysisPeriod_outliersOnTheShiftedCoordinates() throws Exception {
        Path ref = DRIFT.resolve("nannyml_california_reference.csv");
        Path cur = DRIFT.resolve("nannyml_california_analysis.csv");
        assertThat(Files.exists(ref)).as("the shared drift dataset at %s", ref).isTrue();
        List<DataColumn> features =
                List.of("MedInc", "HouseAge", "AveRooms", "Latitude", "Longitude").stream()
                        .map(n -> new DataColumn(n, "DOUBLE"))
                        .toList();
        OutlierSummary s =
                Outliers.score(
                        duck,
                        "read_csv('%s')".formatted(ref.toAbsolutePath()),
                        "read_csv('%s')".formatted(cur.toAbsolutePath()),
                        features,
                        List.of("id"),
                        List.of("id"),
                        OutlierOptions.defaults().withTop(5));

        // The analysis period comes from another part of the state: far more rows fall outside
        // the reference's coordinate range than the 2% a same-distribution sample would.
        long latLong = s.outsideByFeature().get("Latitude") + s.outsideByFeature().get("Longitude");
        long others = s.outsideByFeature().get("HouseAge") + s.outsideByFeature().get("AveRooms");
        assertThat(s.rows()).isGreaterThan(1000);
        assertThat(latLong).isGreaterThan(others);
        assertThat(s.outlierShare()).isGreaterThan(0.1);
        assertThat(s.top()).hasSize(5);
        assertThat(s.top().get(0).score()).isGreaterThanOrEqualTo(s.top().get(4).score());
    }
}
