package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.data.DatasetRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tuning records itself and every trial, and registers the best. */
class TuningTest {

    @TempDir Path dir;

    @Test
    void tune_gridOnIris_recordsEachTrialAndRegistersTheBest() {
        try (TrainHome h = TrainHome.open(dir)) {
            DatasetRef data = h.load("iris.csv", "iris");
            TrainSpec base = TrainSpec.of(data, "target_name").withExclude(List.of("target"));
            List<String> stages = new java.util.ArrayList<>();

            TuningResult r =
                    h.training()
                            .tune(
                                    new TuneSpec(
                                            base,
                                            SearchSpace.resolve("quick"),
                                            TuneSpec.Strategy.GRID,
                                            4,
                                            3,
                                            10,
                                            200),
                                    new TrainingListener() {
                                        @Override
                                        public void progress(String stage, long done, long total) {
                                            if (stages.isEmpty()
                                                    || !stages.getLast().equals(stage)) {
                                                stages.add(stage);
                                            }
                                        }

                                        @Override
                                        public void warning(String message) {}
                                    });

            assertThat(r.trials()).hasSize(4);
            assertThat(h.runs().trials(r.run().id())).hasSize(4);
            assertThat(r.best().metrics().get("cv_mlogloss"))
                    .isEqualTo(
                            r.trials().stream()
                                    .mapToDouble(t -> t.metrics().get("cv_mlogloss"))
                                    .min()
                                    .orElseThrow());
            assertThat(r.run().kind()).isEqualTo(Run.Kind.TUNE);
            assertThat(r.run().params()).containsEntry("eta", r.best().params().get("eta"));
            assertThat(h.runs().list(Optional.empty()))
                    .hasSize(5)
                    .extracting(Run::createdAt)
                    .as("newest first")
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(r.model().version()).isEqualTo(1);
            assertThat(stages).containsSubsequence("reading", "tuning", "training", "registering");
        }
    }
}
