package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamCatalogTest {

    @Test
    void resolve_noParams_givesTheAlgorithmDefaults() {
        Map<String, Object> p = ParamCatalog.resolve(Algorithm.GBDT, Map.of());

        assertThat(p)
                .containsEntry("num_round", 300)
                .containsEntry("eta", 0.1)
                .containsEntry("max_depth", 6)
                .containsEntry("tree_method", "hist");
    }

    @Test
    void resolve_scikitLearnAlias_setsTheXGBoostParameter() {
        Map<String, Object> p =
                ParamCatalog.resolve(
                        Algorithm.GBDT, Map.of("learning_rate", "0.3", "n_estimators", "50"));

        assertThat(p).containsEntry("eta", 0.3).containsEntry("num_round", 50);
    }

    @Test
    void resolve_unknownName_listsTheValidOnes() {
        assertThatThrownBy(() -> ParamCatalog.resolve(Algorithm.GBDT, Map.of("depth", "3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown parameter 'depth' for gbdt")
                .hasMessageContaining("max_depth")
                .hasMessageContaining("eta");
    }

    @Test
    void resolve_valueOutOfRange_saysTheRange() {
        assertThatThrownBy(() -> ParamCatalog.resolve(Algorithm.GBDT, Map.of("subsample", "1.5")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--param subsample=1.5")
                .hasMessageContaining("from 0.000001 to 1")
                .satisfies(
                        e ->
                                assertThat(((InvalidInputException) e).source())
                                        .isEqualTo("--param subsample"));
    }

    @Test
    void resolve_notANumber_saysWhatIsExpected() {
        assertThatThrownBy(() -> ParamCatalog.resolve(Algorithm.GBDT, Map.of("max_depth", "deep")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max_depth must be a whole number");
    }

    @Test
    void resolve_treeParameterForLinear_isRefused() {
        assertThatThrownBy(() -> ParamCatalog.resolve(Algorithm.LINEAR, Map.of("max_depth", "3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not apply to linear");
    }

    @Test
    void describe_gbdt_showsRangeAndDefault() {
        assertThat(ParamCatalog.describe(Algorithm.GBDT).get("eta"))
                .isEqualTo("number 0..1, default 0.1");
    }
}
