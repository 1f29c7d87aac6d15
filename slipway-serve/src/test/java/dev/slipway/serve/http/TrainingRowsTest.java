package dev.slipway.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelVersion;
import dev.slipway.serve.ServeHome;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The playground's training rows of adult-income, read whole and, as for a dataset too large to
 * read whole, from its first rows only.
 */
class TrainingRowsTest {

    private static ServeHome home;
    private static ModelManifest manifest;
    private static List<String> csv;

    @BeforeAll
    static void open() throws IOException {
        home = ServeHome.copy();
        ModelVersion v = home.registry().resolve(ModelRef.parse("adult-income/1"));
        manifest = home.registry().manifest(v);
        csv = Files.readAllLines(SharedData.dataset("adult_train.csv"));
    }

    @AfterAll
    static void close() {
        home.close();
    }

    private static TrainingRows read(long whole, int head) {
        return TrainingRows.of("adult-income/1", manifest, home.datasets(), whole, head);
    }

    /** The age and workclass of data row {@code row} (from 1) of the training file. */
    private static List<String> ageAndWorkclass(long row) {
        String[] cells = csv.get((int) row).split(",");
        return List.of(cells[0].strip(), cells[1].strip());
    }

    @Test
    void of_largerThanTheWholeReadLimit_readsTheFirstRowsTypedAsAWholeRead() {
        TrainingRows whole = read(TrainingRows.READ_WHOLE, TrainingRows.READ_HEAD);
        TrainingRows head = read(1_000, 200);

        assertThat(whole.source().orElseThrow().read()).isEqualTo(csv.size() - 1L);
        assertThat(head.source().orElseThrow().read()).isEqualTo(200);
        assertThat(head.source().orElseThrow().rows()).isEqualTo(csv.size() - 1L);
        assertThat(head.first()).isEqualTo(whole.first());
        for (long seed = 1; seed <= 20; seed++) {
            TrainingRows.Row r = head.random(seed).orElseThrow();
            assertThat(r.number()).isBetween(1L, 200L);
            assertThat(List.of(r.values().get("age").toString(), r.values().get("workclass")))
                    .isEqualTo(ageAndWorkclass(r.number()));
        }
    }

    @Test
    void random_sameSeed_sameRowOnEveryRead() {
        TrainingRows a = read(TrainingRows.READ_WHOLE, TrainingRows.READ_HEAD);
        TrainingRows b = read(TrainingRows.READ_WHOLE, TrainingRows.READ_HEAD);

        for (long seed : new long[] {0, 1, -5, Long.MAX_VALUE}) {
            assertThat(a.random(seed)).isEqualTo(b.random(seed));
        }
        TrainingRows.Row r = a.random(123).orElseThrow();
        assertThat(List.of(r.values().get("age").toString(), r.values().get("workclass")))
                .isEqualTo(ageAndWorkclass(r.number()));
        assertThat(r.values()).doesNotContainValue(null);
    }
}
