package dev.slipway.formats.xgboost;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads XGBoost's JSON model format (XGBoost 1.0 and later) into a {@link TreeEnsemble}. */
final class XGBoostJsonReader {

    /** Decimals are kept exact until each is rounded once to float32, as XGBoost wrote them. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final String RESAVE =
            "load it in XGBoost and save it with save_model(\"model.json\") (Python)"
                    + " or Booster.saveModel(\"model.json\") (JVM)";

    private final String source;

    private XGBoostJsonReader(String source) {
        this.source = source;
    }

    static XGBoostModel read(byte[] json, String source) {
        XGBoostJsonReader reader = new XGBoostJsonReader(source);
        return reader.read(reader.parse(json));
    }

    /** Reads a model already parsed into a tree of nodes (from JSON or UBJSON). */
    static XGBoostModel read(JsonNode root, String source) {
        return new XGBoostJsonReader(source).read(root);
    }

    private JsonNode parse(byte[] json) {
        int first = 0;
        while (first < json.length && Character.isWhitespace(json[first])) {
            first++;
        }
        if (first == json.length || json[first] != '{') {
            throw invalid(
                    "is not an XGBoost JSON model: it does not start with '{'. XGBoost's binary and"
                            + " UBJSON formats are read by XGBoostFormat; "
                            + RESAVE);
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at byte %d".formatted(at.getByteOffset());
            throw InvalidInputException.of(
                    source,
                    "XGBoost model %s is not valid JSON%s (%s): the file is truncated or damaged; %s"
                            .formatted(source, where, e.getOriginalMessage(), RESAVE),
                    e);
        } catch (IOException e) {
            throw InvalidInputException.of(
                    source,
                    "XGBoost model %s cannot be parsed (%s); %s"
                            .formatted(source, e.getMessage(), RESAVE),
                    e);
        }
    }

    private XGBoostModel read(JsonNode root) {
        if (!root.isObject()) {
            throw missingField("learner", "");
        }
        JsonNode learner = object(root, "learner", "");
        String objectiveName = text(object(learner, "objective", "learner"), "name", "objective");
        JsonNode booster = object(learner, "gradient_booster", "learner");
        String boosterName = text(booster, "name", "learner.gradient_booster");
        if (!boosterName.equals("gbtree") && !boosterName.equals("gblinear")) {
            throw invalid(
                    ("uses the '%s' booster, which Slipway does not evaluate: only 'gbtree' and"
                                    + " 'gblinear' are supported (dart is not). Retrain with"
                                    + " booster=gbtree")
                            .formatted(boosterName));
        }
        XGBoostObjective objective =
                XGBoostObjective.find(objectiveName)
                        .orElseThrow(
                                () ->
                                        invalid(
                                                "has objective '%s', which Slipway does not evaluate; supported objectives: %s"
                                                        .formatted(
                                                                objectiveName,
                                                                XGBoostObjective
                                                                        .supportedNames())));
        JsonNode params = object(learner, "learner_model_param", "learner");
        int numFeature = intParam(params, "num_feature", "learner.learner_model_param");
        int numTarget =
                params.has("num_target")
                        ? intParam(params, "num_target", "learner.learner_model_param")
                        : 1;
        if (numTarget != 1) {
            throw invalid(
                    "has %d targets; only single-target models are supported".formatted(numTarget));
        }
        int groups = 1;
        if (objective.isMultiClass()) {
            groups = intParam(params, "num_class", "learner.learner_model_param");
            if (groups < 2) {
                throw invalid(
                        "has objective %s but num_class %d; a multi-class model needs at least 2"
                                .formatted(objectiveName, groups));
            }
        }
        float[] baseMargins = baseMargins(params, objective, groups);
        return new XGBoostModel(
                source,
                objective,
                numFeature,
                featureNames(learner, numFeature),
                boosterName.equals("gblinear")
                        ? linear(
                                object(booster, "model", "learner.gradient_booster"),
                                numFeature,
                                groups,
                                baseMargins)
                        : trees(
                                object(booster, "model", "learner.gradient_booster"),
                                numFeature,
                                groups,
                                baseMargins));
    }

    /** The learner's {@code feature_names}, or an empty list when it has none. */
    private List<String> featureNames(JsonNode learner, int numFeature) {
        JsonNode names = learner.get("feature_names");
        if (names == null || names.isNull() || names.isEmpty()) {
            return List.of();
        }
        if (!names.isArray() || names.size() != numFeature) {
            throw invalid(
                    "has %s feature names for %d features; expected one name per feature or none"
                            .formatted(names.isArray() ? names.size() : "invalid", numFeature));
        }
        List<String> out = new ArrayList<>(numFeature);
        for (JsonNode n : names) {
            if (!n.isTextual() || n.textValue().isEmpty()) {
                throw invalid("has feature name %s; names must be non-empty strings".formatted(n));
            }
            out.add(n.textValue());
        }
        return List.copyOf(out);
    }

    private float[] baseMargins(JsonNode params, XGBoostObjective objective, int groups) {
        String text = text(params, "base_score", "learner.learner_model_param").strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        String[] parts = text.split(",");
        if (parts.length != 1 && parts.length != groups) {
            throw invalid("has %d base scores for %d outputs".formatted(parts.length, groups));
        }
        float[] margins = new float[groups];
        for (int g = 0; g < groups; g++) {
            String part = parts[parts.length == 1 ? 0 : g].strip();
            float score;
            try {
                score = Float.parseFloat(part);
            } catch (NumberFormatException e) {
                throw invalid("has base_score '%s', which is not a number".formatted(part));
            }
            margins[g] = toMargin(objective, score);
        }
        return margins;
    }

    private float toMargin(XGBoostObjective objective, float baseScore) {
        return switch (objective) {
            case BINARY_LOGISTIC, REG_LOGISTIC -> {
                if (!(baseScore > 0f && baseScore < 1f)) {
                    throw invalid(
                            "has base_score %s for %s; it must be a probability"
                                            .formatted(baseScore, objective.xgboostName())
                                    + " strictly between 0 and 1");
                }
                // XGBoost's ProbToMargin for the logistic link, in float32.
                yield (float) -Math.log(1.0f / baseScore - 1.0f);
            }
            case COUNT_POISSON -> {
                if (!(baseScore > 0f)) {
                    throw invalid(
                            "has base_score %s for count:poisson; it must be a positive mean count"
                                    .formatted(baseScore));
                }
                yield (float) Math.log(baseScore);
            }
            // XGBoost 2 and later take binary:logitraw's base_score as a margin, unchanged.
            case REG_SQUAREDERROR,
                    REG_ABSOLUTEERROR,
                    BINARY_LOGITRAW,
                    MULTI_SOFTPROB,
                    MULTI_SOFTMAX ->
                    baseScore;
        };
    }

    private LinearBooster linear(JsonNode model, int numFeature, int groups, float[] baseMargins) {
        String path = "learner.gradient_booster.model";
        float[] weights =
                floats(model, "weights", path, Math.multiplyExact(numFeature + 1, groups));
        return new LinearBooster(numFeature, groups, weights, baseMargins);
    }

    private TreeEnsemble trees(JsonNode model, int numFeature, int groups, float[] baseMargins) {
        String path = "learner.gradient_booster.model";
        JsonNode trees = array(model, "trees", path);
        JsonNode treeInfo = array(model, "tree_info", path);
        if (treeInfo.size() != trees.size()) {
            throw invalid(
                    "lists %d trees but tree_info has %d entries"
                            .formatted(trees.size(), treeInfo.size()));
        }
        int total = 0;
        for (int t = 0; t < trees.size(); t++) {
            total +=
                    intParam(
                            object(trees.get(t), "tree_param", "tree " + t),
                            "num_nodes",
                            "tree " + t);
        }
        int[] roots = new int[trees.size()];
        int[] treeGroups = new int[trees.size()];
        int[] feature = new int[total];
        float[] value = new float[total];
        int[] left = new int[total];
        int[] right = new int[total];
        int[] missing = new int[total];
        int offset = 0;
        for (int t = 0; t < trees.size(); t++) {
            int group = treeInfo.get(t).asInt(-1);
            if (group < 0 || group >= groups) {
                throw invalid(
                        "assigns tree %d to output %s, but the model has %d output(s)"
                                .formatted(t, treeInfo.get(t), groups));
            }
            treeGroups[t] = group;
            roots[t] = offset;
            offset +=
                    flatten(
                            trees.get(t),
                            t,
                            numFeature,
                            offset,
                            feature,
                            value,
                            left,
                            right,
                            missing);
        }
        return new TreeEnsemble(
                roots, treeGroups, feature, value, left, right, missing, baseMargins);
    }

    /** Copies tree {@code t} into the arrays from {@code offset}; returns its node count. */
    private int flatten(
            JsonNode tree,
            int t,
            int numFeature,
            int offset,
            int[] feature,
            float[] value,
            int[] left,
            int[] right,
            int[] missing) {
        String path = "tree " + t;
        JsonNode param = object(tree, "tree_param", path);
        int nodes = intParam(param, "num_nodes", path + ".tree_param");
        if (param.has("size_leaf_vector")
                && intParam(param, "size_leaf_vector", path + ".tree_param") > 1) {
            throw invalid(
                    "has vector leaves in tree %d (multi-output trees); only scalar leaves are"
                                    .formatted(t)
                            + " supported: retrain with multi_strategy=one_output_per_tree");
        }
        int[] lefts = ints(tree, "left_children", path, nodes);
        int[] rights = ints(tree, "right_children", path, nodes);
        int[] indices = ints(tree, "split_indices", path, nodes);
        float[] conditions = floats(tree, "split_conditions", path, nodes);
        int[] defaultLeft = ints(tree, "default_left", path, nodes);
        if (tree.has("split_type")) {
            int[] types = ints(tree, "split_type", path, nodes);
            for (int n = 0; n < nodes; n++) {
                if (types[n] != 0) {
                    throw invalid(
                            "has a categorical split at node %d of tree %d; only numeric splits"
                                            .formatted(n, t)
                                    + " are supported: one-hot encode the categories and retrain"
                                    + " without enable_categorical");
                }
            }
        }
        if (nodes == 0) {
            throw invalid("has an empty tree %d".formatted(t));
        }
        boolean[] seen = new boolean[nodes];
        Deque<Integer> pending = new ArrayDeque<>();
        pending.push(0);
        while (!pending.isEmpty()) {
            int n = pending.pop();
            if (seen[n]) {
                throw invalid("has tree %d whose node %d is reached twice".formatted(t, n));
            }
            seen[n] = true;
            int at = offset + n;
            if (lefts[n] == -1) {
                feature[at] = -1;
                value[at] = conditions[n];
                continue;
            }
            for (int child : new int[] {lefts[n], rights[n]}) {
                if (child <= 0 || child >= nodes) {
                    throw invalid(
                            "has tree %d whose node %d points to child %d, outside 1..%d"
                                    .formatted(t, n, child, nodes - 1));
                }
                pending.push(child);
            }
            if (indices[n] < 0 || indices[n] >= numFeature) {
                throw invalid(
                        "splits node %d of tree %d on feature %d, but the model has %d features"
                                .formatted(n, t, indices[n], numFeature));
            }
            if (!Float.isFinite(conditions[n])) {
                throw invalid(
                        "splits node %d of tree %d at %s; only finite thresholds are supported"
                                .formatted(n, t, conditions[n]));
            }
            feature[at] = indices[n];
            value[at] = conditions[n];
            left[at] = offset + lefts[n];
            right[at] = offset + rights[n];
            missing[at] = defaultLeft[n] != 0 ? left[at] : right[at];
        }
        return nodes;
    }

    private int[] ints(JsonNode tree, String field, String path, int nodes) {
        JsonNode a = array(tree, field, path);
        checkLength(a, field, path, nodes);
        int[] out = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            JsonNode v = a.get(i);
            if (v.isBoolean()) {
                out[i] = v.booleanValue() ? 1 : 0;
            } else if (v.isIntegralNumber() && v.canConvertToInt()) {
                out[i] = v.intValue();
            } else {
                throw invalid(
                        "has %s[%d] = %s, not an integer".formatted(path + "." + field, i, v));
            }
        }
        return out;
    }

    private float[] floats(JsonNode tree, String field, String path, int nodes) {
        JsonNode a = array(tree, field, path);
        checkLength(a, field, path, nodes);
        float[] out = new float[nodes];
        for (int i = 0; i < nodes; i++) {
            JsonNode v = a.get(i);
            if (!v.isNumber()) {
                throw invalid("has %s[%d] = %s, not a number".formatted(path + "." + field, i, v));
            }
            out[i] = v.floatValue();
        }
        return out;
    }

    private void checkLength(JsonNode a, String field, String path, int nodes) {
        if (a.size() != nodes) {
            throw invalid(
                    "has %d entries in %s.%s where %d are expected"
                            .formatted(a.size(), path, field, nodes));
        }
    }

    private int intParam(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null) {
            throw missingField(field, path);
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        try {
            return Integer.parseInt(v.asText().strip());
        } catch (NumberFormatException e) {
            throw invalid("has %s.%s = %s, not an integer".formatted(path, field, v));
        }
    }

    private String text(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isTextual()) {
            throw missingField(field, path);
        }
        return v.textValue();
    }

    private JsonNode object(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isObject()) {
            throw missingField(field, path);
        }
        return v;
    }

    private JsonNode array(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isArray()) {
            throw missingField(field, path);
        }
        return v;
    }

    private InvalidInputException missingField(String field, String path) {
        String where = path.isEmpty() ? field : path + "." + field;
        return invalid(
                "has no valid '%s'; it is not an XGBoost JSON model (or it is damaged): %s"
                        .formatted(where, RESAVE));
    }

    private InvalidInputException invalid(String problem) {
        return InvalidInputException.of(source, "XGBoost model " + source + " " + problem);
    }
}
