package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.Task;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static Field field(String name, LogicalType type) {
        return new Field(name, type, true, new Domain.Unbounded());
    }

    @Test
    void infer_twoCategories_isBinaryWithSortedClasses() {
        Target t =
                Target.infer(
                        field("income", LogicalType.CATEGORICAL),
                        StringColumn.ofNullable("income", ">50K", "<=50K", null, ">50K"),
                        Optional.empty());

        assertThat(t.task()).isEqualTo(Task.BINARY);
        assertThat(t.classes()).containsExactly("<=50K", ">50K");
        assertThat(t.labels(StringColumn.ofNullable("income", ">50K", "<=50K", null)))
                .containsExactly(1f, 0f, Float.NaN);
    }

    @Test
    void infer_threeCategories_isMulticlass() {
        Target t =
                Target.infer(
                        field("species", LogicalType.CATEGORICAL),
                        StringColumn.of("species", "setosa", "virginica", "versicolor"),
                        Optional.empty());

        assertThat(t.task()).isEqualTo(Task.MULTICLASS);
        assertThat(t.classes()).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void infer_fewIntegers_areClassesInNumericOrder() {
        Target t =
                Target.infer(
                        field("quality", LogicalType.INTEGER),
                        LongColumn.of("quality", 10, 9, 3, 9),
                        Optional.empty());

        assertThat(t.task()).isEqualTo(Task.MULTICLASS);
        assertThat(t.classes()).containsExactly("3", "9", "10");
    }

    @Test
    void infer_numbers_isRegression() {
        Target t =
                Target.infer(
                        field("price", LogicalType.NUMERIC),
                        DoubleColumn.of("price", 1.5, 2.5),
                        Optional.empty());

        assertThat(t.task()).isEqualTo(Task.REGRESSION);
        assertThat(t.labels(DoubleColumn.of("price", 1.5, 2.5))).containsExactly(1.5f, 2.5f);
    }

    @Test
    void infer_oneClass_namesTheClass() {
        assertThatThrownBy(
                        () ->
                                Target.infer(
                                        field("y", LogicalType.CATEGORICAL),
                                        StringColumn.of("y", "a", "a"),
                                        Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target 'y' has 1 class(es) [a]");
    }

    @Test
    void infer_allMissing_saysSo() {
        assertThatThrownBy(
                        () ->
                                Target.infer(
                                        field("y", LogicalType.CATEGORICAL),
                                        StringColumn.ofNullable("y", null, null),
                                        Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("every row is missing");
    }

    @Test
    void infer_regressionChosenForCategories_isRefused() {
        assertThatThrownBy(
                        () ->
                                Target.infer(
                                        field("y", LogicalType.CATEGORICAL),
                                        StringColumn.of("y", "a", "b"),
                                        Optional.of(Task.REGRESSION)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be a regression target");
    }
}
