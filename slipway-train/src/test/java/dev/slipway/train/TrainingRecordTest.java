package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.data.DatasetVersion;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.Provenance;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training leaves a run and a model version that describe each other. */
class TrainingRecordTest {

    @TempDir Path dir;

    @Test
    void train_sameDataParamsAndSeed_givesTheSameModelBytes() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("titanic_train.csv", "titanic");
            TrainSpec spec = TrainSpec.of(data, "Survived").withExclude(List.of("PassengerId"));

            TrainingResult a = h.training().train(spec, TrainingListener.NONE);
            TrainingResult b = h.training().train(spec, TrainingListener.NONE);

            assertThat(b.model().version()).isEqualTo(a.model().version() + 1);
            assertThat(h.registry().file(b.model(), "model.json"))
                    .isEqualTo(h.registry().file(a.model(), "model.json"));
        }
    }

    @Test
    void train_otherSeed_givesAnotherModel() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("titanic_train.csv", "titanic");
            TrainSpec spec =
                    TrainSpec.of(data, "Survived").withParams(java.util.Map.of("subsample", "0.8"));

            TrainingResult a = h.training().train(spec, TrainingListener.NONE);
            TrainingResult b = h.training().train(spec.withSeed(7), TrainingListener.NONE);

            assertThat(h.registry().file(b.model(), "model.json"))
                    .isNotEqualTo(h.registry().file(a.model(), "model.json"));
        }
    }

    @Test
    void train_recordsTheRunWithEverythingNeededToRepeatIt() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("titanic_train.csv", "titanic");
            DatasetVersion v = h.datasets().resolve(data);

            TrainingResult r =
                    h.training()
                            .train(
                                    TrainSpec.of(data, "Survived").withModelName("survival"),
                                    TrainingListener.NONE);

            Run run = h.runs().get(r.run().id());
            assertThat(run.dataset()).isEqualTo("titanic");
            assertThat(run.datasetVersion()).isEqualTo(v.id());
            assertThat(run.datasetSha256()).isEqualTo(v.contentSha256());
            assertThat(run.seed()).isEqualTo(42);
            assertThat(run.params()).containsEntry("eta", "0.1").containsEntry("num_round", "300");
            assertThat(run.metrics()).containsKeys("auc", "log_loss", "accuracy", "f1");
            assertThat(run.environment()).containsKeys("xgboost4j", "java", "os");
            assertThat(run.model()).contains(new ModelRef.Version("survival", 1));
            ModelManifest m = h.registry().manifest(r.model());
            Provenance.Trained p = (Provenance.Trained) m.provenance().source();
            assertThat(p.runId()).isEqualTo(run.id());
            assertThat(p.datasetSha256()).isEqualTo(v.contentSha256());
            assertThat(m.metrics()).containsEntry("auc", run.metrics().get("auc"));
            assertThat(m.file("evaluation.json")).isPresent();
        }
    }

    @Test
    void train_chosenThreshold_isEvaluatedAndServed() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("titanic_train.csv", "titanic");

            TrainingResult r =
                    h.training()
                            .train(
                                    TrainSpec.of(data, "Survived").withThreshold(0.3),
                                    TrainingListener.NONE);

            assertThat(((dev.slipway.train.metrics.BinaryEvaluation) r.evaluation()).threshold())
                    .isEqualTo(0.3);
            assertThat(h.registry().manifest(r.model()).pipeline().orElseThrow().threshold())
                    .isEqualTo(0.3);
        }
    }

    @Test
    void load_trainedModel_takesRawRecordsAndNamesTheClass() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("adult_train.csv", "adult");
            TrainingResult r =
                    h.training()
                            .train(
                                    TrainSpec.of(data, "income")
                                            .withParams(java.util.Map.of("num_round", "20")),
                                    TrainingListener.NONE);

            try (Predictor p = h.registry().load(r.model().ref())) {
                assertThat(p.signature().findInput("workclass")).isPresent();
                assertThat(p.signature().findOutput(Signature.PROBABILITIES).orElseThrow().labels())
                        .containsExactly("<=50K", ">50K");
                Frame row =
                        Frame.of(
                                LongColumn.of("age", 52),
                                StringColumn.of("workclass", "Self-emp-inc"),
                                LongColumn.of("fnlwgt", 287927),
                                StringColumn.of("education", "HS-grad"),
                                LongColumn.of("education-num", 9),
                                StringColumn.of("marital-status", "Married-civ-spouse"),
                                StringColumn.of("occupation", "Exec-managerial"),
                                StringColumn.of("relationship", "Wife"),
                                StringColumn.of("race", "White"),
                                StringColumn.of("sex", "Female"),
                                DoubleColumn.of("capital-gain", 15024),
                                LongColumn.of("capital-loss", 0),
                                LongColumn.of("hours-per-week", 40),
                                StringColumn.of("native-country", "Atlantis"),
                                BoolColumn.of("ignored", true));
                Frame out = p.predict(row);
                assertThat(((StringColumn) out.column(Signature.LABEL)).get(0)).isEqualTo(">50K");
            }
        }
    }
}
