package dev.slipway.formats.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.formats.onnx.ModelProtoReader.ModelGraph;
import dev.slipway.formats.onnx.ModelProtoReader.ZipMap;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Class probabilities are read from the tensor a ZipMap node reads; they must equal what the
 * model's own ZipMap output holds, read from the unchanged model.
 */
class ProbabilityOutputsTest {

    @Test
    void readGraph_irisForest_findsZipMapWithClassKeysInOrder() {
        ModelGraph graph =
                ModelProtoReader.readGraph(OnnxFixtures.modelBytes(OnnxFixtures.IRIS_MODEL))
                        .orElseThrow();

        assertThat(graph.outputs()).containsExactly("output_label", "output_probability");
        assertThat(graph.zipMaps())
                .containsExactly(
                        new ZipMap("output_probability", "probabilities", List.of(0L, 1L, 2L)));
    }

    @Test
    void expose_graphWithoutZipMap_returnsTheSameBytes() {
        byte[] model = OnnxFixtures.modelBytes(OnnxFixtures.IRIS_MODEL);
        ModelGraph graph = ModelProtoReader.readGraph(model).orElseThrow();
        ModelGraph withoutZipMaps =
                new ModelGraph(
                        graph.keyStart(), graph.start(), graph.end(), graph.outputs(), List.of());

        assertThat(ProbabilityOutputs.expose(model, withoutZipMaps)).isSameAs(model);
    }

    @Test
    void predict_irisDataset_probabilitiesEqualTheModelsZipMapOutput() throws Exception {
        Frame features = OnnxFixtures.Iris.read().features();
        float[] rows = ((FloatColumn) features.column("float_input")).values();

        float[] expected =
                zipMapProbabilities(
                        OnnxFixtures.IRIS_MODEL,
                        env ->
                                Map.of(
                                        "float_input",
                                        OnnxTensor.createTensor(
                                                env,
                                                FloatBuffer.wrap(rows),
                                                new long[] {features.rows(), 4})),
                        3);

        assertThat(probabilities(OnnxFixtures.IRIS_MODEL, features)).containsExactly(expected);
    }

    @Test
    void predict_titanicDataset_probabilitiesEqualTheModelsZipMapOutput() throws Exception {
        Frame features = OnnxFixtures.Titanic.read().features();
        long[] shape = {features.rows(), 1};

        float[] expected =
                zipMapProbabilities(
                        OnnxFixtures.TITANIC_MODEL,
                        env -> {
                            Map<String, OnnxTensor> tensors = new HashMap<>();
                            for (Column c : features.columns()) {
                                tensors.put(
                                        c.name(),
                                        switch (c) {
                                            case StringColumn s ->
                                                    OnnxTensor.createTensor(env, s.values(), shape);
                                            case FloatColumn f ->
                                                    OnnxTensor.createTensor(
                                                            env,
                                                            FloatBuffer.wrap(f.values()),
                                                            shape);
                                            default -> throw new IllegalArgumentException(c.name());
                                        });
                            }
                            return tensors;
                        },
                        2);

        assertThat(probabilities(OnnxFixtures.TITANIC_MODEL, features)).containsExactly(expected);
    }

    private static float[] probabilities(String model, Frame features) {
        try (Predictor predictor = OnnxFixtures.load(model)) {
            return ((FloatColumn) predictor.predict(features).column("output_probability"))
                    .values();
        }
    }

    private interface Inputs {
        Map<String, OnnxTensor> create(OrtEnvironment env) throws OrtException;
    }

    /**
     * Runs the unchanged model in ONNX Runtime, with the session options of {@link OnnxFormat} (the
     * trees' sums depend on the threads), and reads its ZipMap output, map by map.
     */
    private static float[] zipMapProbabilities(String model, Inputs inputs, int classes)
            throws OrtException, IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> tensors = inputs.create(env);
        try (OrtSession.SessionOptions options = OnnxFormat.sessionOptions();
                OrtSession session = env.createSession(OnnxFixtures.modelBytes(model), options);
                OrtSession.Result result = session.run(tensors)) {
            List<? extends OnnxValue> maps =
                    ((OnnxSequence) result.get("output_probability").orElseThrow()).getValue();
            float[] probabilities = new float[maps.size() * classes];
            for (int r = 0; r < maps.size(); r++) {
                try (OnnxMap map = (OnnxMap) maps.get(r)) {
                    Map<?, ?> byClass = map.getValue();
                    for (int k = 0; k < classes; k++) {
                        probabilities[r * classes + k] = (Float) byClass.get((long) k);
                    }
                }
            }
            return probabilities;
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }
}
