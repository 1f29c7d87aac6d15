package dev.slipway.formats.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models this reader does not evaluate are refused with a message naming the file and the fix. */
class XGBoostModelRefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;

    private static SharedTable iris;

    @BeforeAll
    static void readData() throws Exception {
        XGBoost4J.quiet();
        iris = SharedTable.read("iris.csv", new int[] {0, 1, 2, 3}, 4, 1f);
    }

    private Path trainIris(Map<String, Object> params, String name) throws Exception {
        Booster booster = XGBoost4J.train(iris.rows(), iris.columns(), iris.labels(), params, 5);
        try {
            return XGBoost4J.save(booster, temp, name);
        } finally {
            booster.dispose();
        }
    }

    private Path regressionJson() throws Exception {
        return trainIris(Map.of("objective", "reg:squarederror", "max_depth", 3), "reg.json");
    }

    @Test
    void read_dartBooster_refusesNamingBooster() throws Exception {
        Path file =
                trainIris(
                        Map.of("objective", "reg:squarederror", "booster", "dart", "max_depth", 3),
                        "dart.json");

        assertThatThrownBy(() -> XGBoostModel.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'dart' booster")
                .hasMessageContaining("booster=gbtree");
    }

    @Test
    void read_categoricalSplit_refusesNamingNodeAndTree() throws Exception {
        Path file = regressionJson();
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode trees = (ArrayNode) root.at("/learner/gradient_booster/model/trees");
        ((ArrayNode) trees.get(1).get("split_type")).set(0, 1);
        JSON.writeValue(file.toFile(), root);

        assertThatThrownBy(() -> XGBoostModel.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("categorical split at node 0 of tree 1")
                .hasMessageContaining("one-hot encode");
    }

    @Test
    void read_unsupportedObjective_refusesListingSupportedOnes() throws Exception {
        Path file = regressionJson();
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) root.at("/learner/objective")).put("name", "reg:pseudohubererror");
        JSON.writeValue(file.toFile(), root);

        assertThatThrownBy(() -> XGBoostModel.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("objective 'reg:pseudohubererror'")
                .hasMessageContaining("binary:logistic, reg:squarederror");
    }

    @Test
    void read_legacyBinaryModel_refusesAndSaysHowToResave() {
        Path file = SharedData.root().resolve("models/xgboost/mushroom_treelite/mushroom.model");

        assertThatThrownBy(() -> XGBoostModel.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not an XGBoost JSON model")
                .hasMessageContaining("save_model(\"model.json\")");
    }

    @Test
    void read_jsonWithoutLearner_refusesNamingTheMissingField() throws Exception {
        Path file = temp.resolve("other.json");
        Files.writeString(file, "{\"name\": \"not a model\"}");

        assertThatThrownBy(() -> XGBoostModel.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no valid 'learner'");
    }

    @Test
    void predict_rowOfWrongWidth_refusesNamingBothWidths() throws Exception {
        XGBoostModel model = XGBoostModel.read(regressionJson());

        assertThat(model.numFeatures()).isEqualTo(4);
        assertThatThrownBy(() -> model.predict(new float[3]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rows of 4 features, but got 3 values for 1 row(s)");
    }
}
