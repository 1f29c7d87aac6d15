package dev.slipway.train.metrics;

import static dev.slipway.train.metrics.JsonReads.list;
import static dev.slipway.train.metrics.JsonReads.object;
import static dev.slipway.train.metrics.JsonReads.putReal;
import static dev.slipway.train.metrics.JsonReads.real;
import static dev.slipway.train.metrics.JsonReads.text;
import static dev.slipway.train.metrics.JsonReads.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The persisted form of an {@link Evaluation}, stored with a run and in a model's package.
 * Stateless and thread-safe.
 *
 * <p>A document is a JSON object with keys in this fixed order: {@code "format":
 * "slipway.evaluation"}, {@code "version": 1}, {@code "task"} ({@code "binary"}, {@code
 * "multiclass"} or {@code "regression"}), {@code "rows"}, for classifiers {@code "classes"} (names
 * in label order), for binary {@code "threshold"}, {@code "metrics"} (the {@link
 * Evaluation#summary() summary} without {@code rows}), for classifiers {@code "confusion"} (rows by
 * actual class of counts by predicted class), for multiclass {@code "per_class"} (objects with
 * {@code name, precision, recall, f1, support}), and for binary {@code "calibration"} (objects with
 * {@code lower, upper, mean_predicted, fraction_positive, count}). NaN and infinities are written
 * as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}; other numbers in the
 * shortest form that reads back to the same double.
 */
public final class EvaluationCodec {

    /** The value of the document's {@code "format"} key. */
    public static final String FORMAT = "slipway.evaluation";

    /** The format version this build writes, and the newest it reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private EvaluationCodec() {}

    /** The document for {@code evaluation}, as UTF-8 JSON. */
    public static byte[] toJson(Evaluation evaluation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("task", evaluation.task().label());
        root.put("rows", evaluation.rows());
        switch (evaluation) {
            case BinaryEvaluation b -> {
                strings(root.putArray("classes"), b.classes());
                putReal(root, "threshold", b.threshold());
                metrics(root, b);
                confusion(root, b.confusion());
                ArrayNode bins = root.putArray("calibration");
                for (CalibrationBin bin : b.calibration()) {
                    ObjectNode o = bins.addObject();
                    putReal(o, "lower", bin.lower());
                    putReal(o, "upper", bin.upper());
                    putReal(o, "mean_predicted", bin.meanPredicted());
                    putReal(o, "fraction_positive", bin.fractionPositive());
                    o.put("count", bin.count());
                }
            }
            case MulticlassEvaluation m -> {
                strings(root.putArray("classes"), m.classes());
                metrics(root, m);
                confusion(root, m.confusion());
                ArrayNode classes = root.putArray("per_class");
                for (ClassReport r : m.perClass()) {
                    ObjectNode o = classes.addObject();
                    o.put("name", r.name());
                    putReal(o, "precision", r.precision());
                    putReal(o, "recall", r.recall());
                    putReal(o, "f1", r.f1());
                    o.put("support", r.support());
                }
            }
            case RegressionEvaluation r -> metrics(root, r);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void metrics(ObjectNode root, Evaluation evaluation) {
        ObjectNode metrics = root.putObject("metrics");
        for (Map.Entry<String, Double> e : evaluation.summary().entrySet()) {
            if (!e.getKey().equals(Evaluation.ROWS)) {
                putReal(metrics, e.getKey(), e.getValue());
            }
        }
    }

    private static void confusion(ObjectNode root, ConfusionMatrix confusion) {
        ArrayNode rows = root.putArray("confusion");
        for (List<Long> row : confusion.counts()) {
            ArrayNode r = rows.addArray();
            row.forEach(r::add);
        }
    }

    /**
     * Reads a document written by {@link #toJson}.
     *
     * @param where what the document is, for messages, e.g. {@code "evaluation of run 12"}
     * @throws IncompatibleFormatException when it was written by a newer Slipway
     * @throws CorruptDataException when it is not a valid evaluation document
     */
    public static Evaluation fromJson(byte[] json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt(where, "it is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw corrupt(where, "it cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(where, "it is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw corrupt(where, "its \"format\" is not \"" + FORMAT + "\"");
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw corrupt(where, "its \"version\" is not a positive whole number");
        }
        if (version.intValue() > VERSION) {
            throw new IncompatibleFormatException(FORMAT, version.intValue(), VERSION, where);
        }
        try {
            return read(root);
        } catch (IllegalArgumentException e) {
            throw corrupt(where, e.getMessage());
        }
    }

    private static Evaluation read(JsonNode root) {
        String task = text(root, "task", "");
        long rows = whole(root, "rows", "");
        return switch (task) {
            case "binary" -> {
                List<String> classes = classes(root);
                JsonNode m = object(root, "metrics", "");
                yield new BinaryEvaluation(
                        rows,
                        classes,
                        real(root, "threshold", ""),
                        real(m, Evaluation.AUC, "metrics"),
                        real(m, Evaluation.LOG_LOSS, "metrics"),
                        real(m, Evaluation.ACCURACY, "metrics"),
                        real(m, Evaluation.PRECISION, "metrics"),
                        real(m, Evaluation.RECALL, "metrics"),
                        real(m, Evaluation.F1, "metrics"),
                        confusion(root, classes),
                        list(
                                root,
                                "calibration",
                                "",
                                (b, at) ->
                                        new CalibrationBin(
                                                real(b, "lower", at),
                                                real(b, "upper", at),
                                                real(b, "mean_predicted", at),
                                                real(b, "fraction_positive", at),
                                                whole(b, "count", at))));
            }
            case "multiclass" -> {
                List<String> classes = classes(root);
                JsonNode m = object(root, "metrics", "");
                yield new MulticlassEvaluation(
                        rows,
                        classes,
                        real(m, Evaluation.ACCURACY, "metrics"),
                        real(m, Evaluation.MACRO_F1, "metrics"),
                        real(m, Evaluation.WEIGHTED_F1, "metrics"),
                        real(m, Evaluation.LOG_LOSS, "metrics"),
                        list(
                                root,
                                "per_class",
                                "",
                                (c, at) ->
                                        new ClassReport(
                                                text(c, "name", at),
                                                real(c, "precision", at),
                                                real(c, "recall", at),
                                                real(c, "f1", at),
                                                whole(c, "support", at))),
                        confusion(root, classes));
            }
            case "regression" -> {
                JsonNode m = object(root, "metrics", "");
                yield new RegressionEvaluation(
                        rows,
                        real(m, Evaluation.RMSE, "metrics"),
                        real(m, Evaluation.MAE, "metrics"),
                        real(m, Evaluation.R2, "metrics"),
                        real(m, Evaluation.MAPE, "metrics"));
            }
            default ->
                    throw new IllegalArgumentException(
                            "task is \"%s\", not binary, multiclass or regression".formatted(task));
        };
    }

    private static List<String> classes(JsonNode root) {
        return list(root, "classes", "", JsonReads::text);
    }

    private static ConfusionMatrix confusion(JsonNode root, List<String> classes) {
        return new ConfusionMatrix(
                classes,
                list(
                        root,
                        "confusion",
                        "",
                        (row, at) -> JsonReads.elements(row, at, JsonReads::whole)));
    }

    private static CorruptDataException corrupt(String where, String problem) {
        return new CorruptDataException(
                where,
                "%s is not a valid %s document: %s; evaluate the model again to replace it"
                        .formatted(where, FORMAT, problem));
    }
}
