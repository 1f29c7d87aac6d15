package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void heldOut_sameSeed_sameRows() {
        assertThat(Split.heldOut(1000, 0.2, 42)).containsExactly(Split.heldOut(1000, 0.2, 42));
    }

    @Test
    void heldOut_otherSeed_otherRows() {
        assertThat(Split.heldOut(1000, 0.2, 43)).isNotEqualTo(Split.heldOut(1000, 0.2, 42));
    }

    @Test
    void heldOut_fraction_holdsOutThatShareExactly() {
        int[] held = Split.heldOut(1001, 0.2, 7);

        assertThat(held).hasSize(200);
        assertThat(held).isSorted();
        assertThat(Arrays.stream(held).distinct().count()).isEqualTo(200);
    }

    @Test
    void rest_isTheComplement() {
        int[] held = Split.heldOut(50, 0.3, 1);
        int[] rest = Split.rest(50, held);

        assertThat(rest).hasSize(50 - held.length).doesNotContain(held);
    }

    @Test
    void assign_folds_areBalancedAndSeeded() {
        int[] folds = CrossValidation.assign(103, 5, 9);

        assertThat(folds).containsExactly(CrossValidation.assign(103, 5, 9));
        for (int k = 0; k < 5; k++) {
            int fold = k;
            long count = Arrays.stream(folds).filter(f -> f == fold).count();
            assertThat(count).isBetween(20L, 21L);
        }
    }
}
