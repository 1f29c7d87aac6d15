package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSpaceTest {

    @TempDir Path dir;

    @Test
    void grid_quickPreset_givesEveryCombination() {
        List<Map<String, String>> trials = SearchSpace.resolve("quick").grid(100);

        assertThat(trials).hasSize(9);
        assertThat(trials.getFirst()).containsEntry("eta", "0.05").containsEntry("max_depth", "4");
    }

    @Test
    void random_sameSeed_sameTrialsWithinTheRanges() {
        SearchSpace space = SearchSpace.resolve("gbdt");

        List<Map<String, String>> a = space.random(20, 5);
        assertThat(a).isEqualTo(space.random(20, 5));
        for (Map<String, String> t : a) {
            assertThat(Double.parseDouble(t.get("eta"))).isBetween(0.02, 0.3);
            assertThat(Integer.parseInt(t.get("max_depth"))).isBetween(3, 10);
            // every drawn set is valid for the trainer
            ParamCatalog.resolve(Algorithm.GBDT, t);
        }
    }

    @Test
    void resolve_file_readsEveryKind() throws IOException {
        Path f =
                Files.writeString(
                        dir.resolve("space.json"),
                        "{\"eta\": {\"log\": [0.01, 0.3]}, \"max_depth\": {\"values\": [4, 6]},"
                                + " \"subsample\": {\"uniform\": [0.5, 1]}, \"max_bin\": {\"int\": [64, 256]}}");

        SearchSpace space = SearchSpace.resolve(f.toString());

        assertThat(space.dimensions().keySet())
                .containsExactly("eta", "max_depth", "subsample", "max_bin");
    }

    @Test
    void grid_withRange_isRefused() {
        assertThatThrownBy(() -> SearchSpace.resolve("gbdt").grid(10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("grid search takes listed values only");
    }

    @Test
    void resolve_badDimension_showsTheForms() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.json"), "{\"eta\": [0.1, 0.2]}");

        assertThatThrownBy(() -> SearchSpace.resolve(f.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parameter eta")
                .hasMessageContaining("{\"values\": [...]}");
    }

    @Test
    void resolve_unknownPresetOrFile_listsThePresets() {
        assertThatThrownBy(() -> SearchSpace.resolve("huge"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[gbdt, quick]");
    }
}
