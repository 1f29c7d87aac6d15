package dev.slipway.formats.xgboost;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's binary model format: the only format before XGBoost 1.0, still written when a model is
 * saved as {@code "deprecated"}. XGBoost4J reads it (it knows how each old version stored its
 * parameters) and writes the model back as JSON for {@link XGBoostJsonReader}.
 *
 * <p>The layout is walked here first, without interpreting it, to make sure the file is whole:
 * XGBoost accepts some truncated files silently and reads others out of bounds. The layout
 * (little-endian): an optional {@code binf} header; the learner's parameters (136 bytes); the
 * objective and booster names (each a 64-bit length and its bytes); for {@code gbtree}, the
 * booster's parameters (160 bytes), then per tree its parameters (148 bytes), its nodes (20 bytes
 * each) and their statistics (16 bytes each), then one 32-bit group per tree; then the optional
 * attributes and metric names.
 */
final class LegacyBinary {

    private static final byte[] BINF = "binf".getBytes(StandardCharsets.US_ASCII);
    private static final int LEARNER_PARAM_BYTES = 136;
    private static final int GBTREE_PARAM_BYTES = 160;
    private static final int TREE_PARAM_BYTES = 148;
    private static final int NODE_BYTES = 20;
    private static final int NODE_STAT_BYTES = 16;
    private static final int MAX_NAME_BYTES = 64;
    private static final int MAX_FEATURES = 1 << 28;
    private static final Set<String> BOOSTERS = Set.of("gbtree", "gblinear", "dart");

    private final ByteBuffer in;
    private final String source;

    private LegacyBinary(byte[] bytes, String source) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.source = source;
    }

    /**
     * Whether {@code head} starts like a binary model: plausible learner parameters followed by an
     * objective name such as {@code binary:logistic} and a booster name such as {@code gbtree}.
     */
    static boolean looksLike(byte[] head) {
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int start = startsWith(head, BINF) ? BINF.length : 0;
        if (head.length < start + LEARNER_PARAM_BYTES + 8) {
            return false;
        }
        float baseScore = b.getFloat(start);
        int numFeature = b.getInt(start + 4);
        int numClass = b.getInt(start + 8);
        int extraAttrs = b.getInt(start + 12);
        int evalMetrics = b.getInt(start + 16);
        if (!Float.isFinite(baseScore)
                || numFeature < 0
                || numFeature > MAX_FEATURES
                || numClass < 0
                || (extraAttrs & ~1) != 0
                || (evalMetrics & ~1) != 0) {
            return false;
        }
        b.position(start + LEARNER_PARAM_BYTES);
        String objective = name(b);
        String booster = name(b);
        return objective.matches("[a-z]+:[a-z_]+") && BOOSTERS.contains(booster);
    }

    /** A short ASCII name, or the empty string when the bytes are not one. */
    private static String name(ByteBuffer b) {
        if (b.remaining() < 8) {
            return "";
        }
        long length = b.getLong();
        if (length < 1 || length > MAX_NAME_BYTES || length > b.remaining()) {
            return "";
        }
        byte[] name = new byte[(int) length];
        b.get(name);
        for (byte c : name) {
            if (c < 0x20 || c >= 0x7f) {
                return "";
            }
        }
        return new String(name, StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The model as XGBoost's JSON, converted by XGBoost4J after the layout is checked.
     *
     * @throws InvalidInputException when the file is truncated, damaged, or not a tree model
     */
    static byte[] toJson(byte[] model, String source) {
        new LegacyBinary(model, source).checkLayout();
        Booster booster;
        try {
            booster = XGBoost.loadModel(model);
        } catch (XGBoostError | IOException e) {
            throw InvalidInputException.of(
                    source,
                    "XGBoost could not read the binary model %s: %s"
                            .formatted(source, firstLine(e.getMessage())),
                    e);
        }
        try {
            return booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw InvalidInputException.of(
                    source,
                    "XGBoost could not convert the binary model %s to JSON: %s"
                            .formatted(source, firstLine(e.getMessage())),
                    e);
        } finally {
            booster.dispose();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.strip().lines().findFirst().orElse("");
    }

    private void checkLayout() {
        int start = startsWith(in.array(), BINF) ? BINF.length : 0;
        skip(start + LEARNER_PARAM_BYTES, "the learner's parameters");
        int extraAttrs = in.getInt(start + 12);
        int evalMetrics = in.getInt(start + 16);
        String objective = string("the objective's name");
        String booster = string("the booster's name");
        if (!booster.equals("gbtree") && !booster.equals("dart")) {
            throw InvalidInputException.of(
                    source,
                    ("XGBoost model %s uses the '%s' booster, which Slipway does not evaluate:"
                                    + " only 'gbtree' is supported. Retrain with booster=gbtree")
                            .formatted(source, booster));
        }
        int boosterParams = in.position();
        skip(GBTREE_PARAM_BYTES, "the booster's parameters");
        int trees = in.getInt(boosterParams);
        if (trees < 0) {
            throw damaged("it claims %d trees".formatted(trees));
        }
        for (int t = 0; t < trees; t++) {
            int treeParams = in.position();
            skip(TREE_PARAM_BYTES, "the parameters of tree " + t);
            long nodes = in.getInt(treeParams + 4);
            if (nodes < 1) {
                throw damaged("tree %d claims %d nodes".formatted(t, nodes));
            }
            int nodeStart = in.position();
            skip(nodes * (NODE_BYTES + NODE_STAT_BYTES), "the nodes of tree " + t);
            checkNodes(t, nodeStart, (int) nodes, in.getInt(start + 4));
        }
        skip(4L * trees, "the tree groups");
        if (booster.equals("dart") && trees > 0) {
            skip(4 * count(4, "the dart tree weights"), "the dart tree weights");
        }
        if (extraAttrs != 0) {
            long attributes = count(16, "the attributes");
            for (long i = 0; i < 2 * attributes; i++) {
                string("an attribute");
            }
        }
        if (objective.equals("count:poisson")) {
            string("the Poisson max_delta_step");
        }
        if (evalMetrics != 0) {
            long metrics = count(8, "the metric names");
            for (long i = 0; i < metrics; i++) {
                string("a metric name");
            }
        }
    }

    /**
     * Checks that each split node of tree {@code t} points to two children inside the tree and
     * splits on one of the model's features, so that XGBoost never follows a damaged index.
     */
    private void checkNodes(int t, int from, int nodes, int numFeature) {
        for (int n = 0; n < nodes; n++) {
            int at = from + n * NODE_BYTES;
            int left = in.getInt(at + 4);
            int right = in.getInt(at + 8);
            int feature = in.getInt(at + 12) & Integer.MAX_VALUE;
            if (left == -1) {
                continue;
            }
            if (left <= 0 || left >= nodes || right <= 0 || right >= nodes) {
                throw damaged(
                        "node %d of tree %d points to children %d and %d, outside 1..%d"
                                .formatted(n, t, left, right, nodes - 1));
            }
            if (numFeature > 0 && feature >= numFeature) {
                throw damaged(
                        "node %d of tree %d splits on feature %d, but the model has %d features"
                                .formatted(n, t, feature, numFeature));
            }
        }
    }

    private void skip(long bytes, String what) {
        if (bytes > in.remaining()) {
            throw truncated(what);
        }
        in.position(in.position() + (int) bytes);
    }

    /** A 64-bit count of elements of at least {@code minBytes} each, checked against the file. */
    private long count(int minBytes, String what) {
        if (in.remaining() < 8) {
            throw truncated(what);
        }
        long count = in.getLong();
        if (count < 0 || count > in.remaining() / minBytes) {
            throw truncated(what);
        }
        return count;
    }

    private String string(String what) {
        long length = count(1, what);
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private InvalidInputException truncated(String what) {
        return damaged("it ends at byte %d, in %s".formatted(in.limit(), what));
    }

    private InvalidInputException damaged(String problem) {
        return InvalidInputException.of(
                source,
                ("XGBoost binary model %s is truncated or damaged: %s. Copy the file again, or"
                                + " save the model again with save_model(\"model.json\")")
                        .formatted(source, problem));
    }
}
