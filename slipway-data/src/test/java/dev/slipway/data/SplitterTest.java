package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Domain;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterTest {

    private static final DatasetRef ADULT = DatasetRef.latest("adult");

    @TempDir Path dir;
    private DataHome h;
    private DatasetVersion adult;

    @BeforeEach
    void importAdult() {
        h = DataHome.sqlite(dir.resolve("home"));
        adult =
                h.datasets()
                        .importFile(
                                SharedData.dataset("adult_train.csv"),
                                "adult",
                                ImportOptions.defaults(),
                                ProgressListener.NONE)
                        .version();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static SplitSpec random(double fraction, long seed, String prefix) {
        return new SplitSpec(
                fraction,
                seed,
                Optional.empty(),
                Optional.empty(),
                prefix + "-train",
                prefix + "-test");
    }

    private List<List<String>> rows(Datasets datasets, DatasetVersion v) {
        return datasets.head(v.ref(), Integer.MAX_VALUE).rows();
    }

    @Test
    void split_random_sizesAddUpAndTestIsRoundedFraction() {
        SplitResult s = h.datasets().split(ADULT, random(0.2, 42, "a"));

        assertThat(s.test().rows()).isEqualTo(Math.round(32_561 * 0.2)).isEqualTo(6_512);
        assertThat(s.train().rows() + s.test().rows()).isEqualTo(32_561);
        Set<List<String>> all = new HashSet<>(rows(h.datasets(), adult));
        assertThat(rows(h.datasets(), s.test())).allMatch(all::contains);
    }

    @Test
    void split_sameSeedOtherNamesAndOneThread_sameRowsInEachPart() {
        SplitResult first = h.datasets().split(ADULT, random(0.2, 42, "a"));
        Datasets oneThread = new Datasets(h.home(), Clock.systemUTC(), new DataLimits(256, 1));

        SplitResult second = oneThread.split(ADULT, random(0.2, 42, "b"));

        assertThat(rows(h.datasets(), second.test())).isEqualTo(rows(h.datasets(), first.test()));
        assertThat(rows(h.datasets(), second.train())).isEqualTo(rows(h.datasets(), first.train()));
        assertThat(second.test().id()).isEqualTo(first.test().id());
    }

    @Test
    void split_differentSeed_differentRows() {
        SplitResult a = h.datasets().split(ADULT, random(0.2, 42, "a"));

        SplitResult b = h.datasets().split(ADULT, random(0.2, 43, "b"));

        assertThat(b.test().rows()).isEqualTo(a.test().rows());
        assertThat(rows(h.datasets(), b.test())).isNotEqualTo(rows(h.datasets(), a.test()));
        assertThat(b.test().id()).isNotEqualTo(a.test().id());
    }

    @Test
    void split_stratifiedByIncome_keepsClassProportionsWithinOneRow() {
        SplitSpec spec =
                new SplitSpec(0.2, 7, Optional.of("income"), Optional.empty(), "s-train", "s-test");

        SplitResult s = h.datasets().split(ADULT, spec);

        Map<String, Long> parent = counts(adult, "income");
        Map<String, Long> test = counts(s.test(), "income");
        Map<String, Long> train = counts(s.train(), "income");
        assertThat(test.keySet()).isEqualTo(parent.keySet());
        parent.forEach(
                (cls, n) -> {
                    assertThat((double) test.get(cls)).isCloseTo(n * 0.2, offset(1.0));
                    assertThat(train.get(cls) + test.get(cls)).isEqualTo(n);
                });
    }

    private static Map<String, Long> counts(DatasetVersion v, String column) {
        Domain.Categories c = (Domain.Categories) v.schema().find(column).orElseThrow().domain();
        return c.values().stream().collect(Collectors.toMap(Category::value, Category::count));
    }

    @Test
    void split_byTime_putsLatestRowsInTestInFileOrder() throws IOException {
        Path csv =
                Files.writeString(
                        dir.resolve("events.csv"),
                        """
                        id,at,value
                        1,2024-01-05 10:00:00,a
                        2,2024-03-01 00:00:00,b
                        3,2024-01-01 00:00:00,c
                        4,2024-02-28 00:00:00,d
                        5,2024-03-01 00:00:00,e
                        6,2024-01-20 08:00:00,f
                        7,2023-12-31 23:59:59,g
                        8,2024-02-28 00:00:00,h
                        9,2024-01-15 00:00:00,i
                        10,2024-01-02 00:00:00,j
                        """);
        h.datasets().importFile(csv, "events", ImportOptions.defaults(), ProgressListener.NONE);
        SplitSpec spec =
                new SplitSpec(0.3, 1, Optional.empty(), Optional.of("at"), "ev-train", "ev-test");

        SplitResult s = h.datasets().split(DatasetRef.latest("events"), spec);

        assertThat(rows(h.datasets(), s.test()))
                .extracting(r -> r.get(0))
                .containsExactly("2", "5", "8");
        assertThat(rows(h.datasets(), s.train()))
                .extracting(r -> r.get(0))
                .containsExactly("1", "3", "4", "6", "7", "9", "10");
    }

    @Test
    void split_again_returnsSameVersionsWithLineage() {
        SplitResult first = h.datasets().split(ADULT, random(0.25, 42, "a"));

        SplitResult again = h.datasets().split(ADULT, random(0.25, 42, "a"));

        assertThat(again.train().id()).isEqualTo(first.train().id());
        assertThat(again.test().id()).isEqualTo(first.test().id());
        assertThat(h.datasets().history("a-test")).hasSize(1);
        Lineage lineage = again.test().lineage().orElseThrow();
        assertThat(lineage.parentDataset()).isEqualTo("adult");
        assertThat(lineage.parentVersion()).isEqualTo(adult.id());
        assertThat(lineage.operation()).isEqualTo("split");
        assertThat(lineage.params())
                .containsEntry("part", "test")
                .containsEntry("test_fraction", "0.25")
                .containsEntry("seed", "42");
        assertThat(again.train().lineage().orElseThrow().params()).containsEntry("part", "train");
        assertThat(again.test().source())
                .isEqualTo("split of adult@" + adult.id() + " (test part)");
        assertThat(again.test().options()).isEqualTo(adult.options());
    }

    @Test
    void split_unknownStratifyColumn_namesTheColumns() {
        SplitSpec spec =
                new SplitSpec(0.2, 1, Optional.of("incme"), Optional.empty(), "x-train", "x-test");

        assertThatThrownBy(() -> h.datasets().split(ADULT, spec))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'incme'")
                .hasMessageContaining("income");
    }

    @Test
    void split_stratifyByIntegerWithManyValues_isRefused() {
        SplitSpec spec =
                new SplitSpec(0.2, 1, Optional.of("fnlwgt"), Optional.empty(), "x-train", "x-test");

        assertThatThrownBy(() -> h.datasets().split(ADULT, spec))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fnlwgt")
                .hasMessageContaining("1000");
    }

    @Test
    void split_timeByCategoricalColumn_isRefused() {
        SplitSpec spec =
                new SplitSpec(
                        0.2, 1, Optional.empty(), Optional.of("workclass"), "x-train", "x-test");

        assertThatThrownBy(() -> h.datasets().split(ADULT, spec))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("categorical")
                .hasMessageContaining("timestamp, integer or numeric");
    }

    @Test
    void splitSpec_fractionOutOfRangeOrBothModes_isRefused() {
        assertThatThrownBy(() -> random(1.0, 1, "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(
                        () ->
                                new SplitSpec(
                                        0.2,
                                        1,
                                        Optional.of("income"),
                                        Optional.of("age"),
                                        "x-train",
                                        "x-test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void split_tinyDataset_refusesAnEmptyPart() throws IOException {
        Path csv = Files.writeString(dir.resolve("two.csv"), "a,b\n1,x\n2,y\n");
        h.datasets().importFile(csv, "two", ImportOptions.defaults(), ProgressListener.NONE);

        assertThatThrownBy(() -> h.datasets().split(DatasetRef.latest("two"), random(0.2, 1, "t")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty test part");
        assertThat(h.datasets().list())
                .extracting(DatasetSummary::name)
                .containsExactly("adult", "two");
    }
}
