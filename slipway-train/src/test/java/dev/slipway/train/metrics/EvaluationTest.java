package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void higherIsBetter_scores_followTheirDirection() {
        assertThat(Evaluation.higherIsBetter("auc")).isTrue();
        assertThat(Evaluation.higherIsBetter("r2")).isTrue();
        assertThat(Evaluation.higherIsBetter("macro_f1")).isTrue();
        assertThat(Evaluation.higherIsBetter("log_loss")).isFalse();
        assertThat(Evaluation.higherIsBetter("rmse")).isFalse();
        assertThat(Evaluation.higherIsBetter("mape")).isFalse();
    }

    @Test
    void higherIsBetter_unknownName_isRefused() {
        assertThatThrownBy(() -> Evaluation.higherIsBetter("rows"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'rows' is not a score");
    }

    @Test
    void task_ofEachEvaluation_isItsKind() {
        List<Evaluation> all =
                List.of(
                        Evaluations.binary(new int[] {1}, new double[] {0.9}, List.of("a", "b")),
                        Evaluations.multiclass(
                                new int[] {1}, new double[][] {{0.1, 0.9}}, List.of("a", "b")),
                        Evaluations.regression(new double[] {1}, new double[] {1}));

        assertThat(all)
                .extracting(Evaluation::task)
                .containsExactly(Task.BINARY, Task.MULTICLASS, Task.REGRESSION);
    }

    @Test
    void summary_isUnmodifiable() {
        Evaluation e = Evaluations.regression(new double[] {1, 2}, new double[] {1, 2});

        assertThatThrownBy(() -> e.summary().put("x", 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void evaluations_sameInput_areEqual() {
        int[] y = {0, 1, 1, 0, 1};
        double[] p = {0.2, 0.7, 0.4, 0.4, 0.9};

        assertThat(Evaluations.binary(y, p, List.of("a", "b")))
                .isEqualTo(Evaluations.binary(y.clone(), p.clone(), List.of("a", "b")));
    }
}
