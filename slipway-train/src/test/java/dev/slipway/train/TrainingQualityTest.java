package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.Task;
import dev.slipway.train.metrics.BinaryEvaluation;
import dev.slipway.train.metrics.MulticlassEvaluation;
import dev.slipway.train.metrics.RegressionEvaluation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Default settings reach the quality bars on real data. */
class TrainingQualityTest {

    @TempDir Path dir;

    @Test
    void train_adultWithDefaults_reachesAuc0925AndAccuracy087OnTheTestSet() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef train = h.load("adult_train.csv", "adult");
            DatasetRef test = h.load("adult_test.csv", "adult-test");

            TrainingResult r =
                    h.training()
                            .train(
                                    TrainSpec.of(train, "income")
                                            .withHoldout(new Holdout.TestSet(test)),
                                    TrainingListener.NONE);

            BinaryEvaluation e = (BinaryEvaluation) r.evaluation();
            assertThat(e.rows()).isEqualTo(16_281);
            assertThat(e.auc()).isGreaterThanOrEqualTo(0.925);
            assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.87);
            assertThat(r.run().task()).isEqualTo(Task.BINARY);
        }
    }

    @Test
    void train_californiaHousingTwentyPercentHeldOut_reachesR2Of082() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("california_housing.csv", "housing");

            TrainingResult r =
                    h.training()
                            .train(
                                    TrainSpec.of(data, "median_house_value")
                                            .withHoldout(new Holdout.Fraction(0.2))
                                            .withSeed(42),
                                    TrainingListener.NONE);

            RegressionEvaluation e = (RegressionEvaluation) r.evaluation();
            assertThat(e.rows()).isEqualTo(4_128);
            assertThat(e.r2()).isGreaterThanOrEqualTo(0.82);
        }
    }

    @Test
    void train_irisThirtyPercentHeldOut_isNinetyPercentAccurate() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("iris.csv", "iris");

            TrainingResult r =
                    h.training()
                            .train(
                                    TrainSpec.of(data, "target_name")
                                            .withExclude(List.of("target"))
                                            .withHoldout(new Holdout.Fraction(0.3)),
                                    TrainingListener.NONE);

            MulticlassEvaluation e = (MulticlassEvaluation) r.evaluation();
            assertThat(e.classes()).containsExactly("setosa", "versicolor", "virginica");
            assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void train_linearAndForestOnIris_registerModelsThatPredict() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("iris.csv", "iris");
            TrainSpec spec =
                    TrainSpec.of(data, "target_name")
                            .withExclude(List.of("target"))
                            .withHoldout(new Holdout.Fraction(0.3));

            for (Algorithm a : List.of(Algorithm.LINEAR, Algorithm.RF)) {
                TrainingResult r = h.training().train(spec.withAlgorithm(a), TrainingListener.NONE);

                assertThat(((MulticlassEvaluation) r.evaluation()).accuracy())
                        .as(a.label())
                        .isGreaterThanOrEqualTo(0.8);
                assertThat(r.run().algorithm()).isEqualTo(a);
            }
        }
    }

    @Test
    void train_wineThirtyPercentHeldOut_isNinetyPercentAccurate() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("wine.csv", "wine");

            TrainingResult r =
                    h.training()
                            .train(
                                    TrainSpec.of(data, "target_name")
                                            .withExclude(List.of("target"))
                                            .withHoldout(new Holdout.Fraction(0.3)),
                                    TrainingListener.NONE);

            MulticlassEvaluation e = (MulticlassEvaluation) r.evaluation();
            assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.9);
        }
    }
}
