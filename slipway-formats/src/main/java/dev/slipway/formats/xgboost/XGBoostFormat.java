package dev.slipway.formats.xgboost;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * XGBoost tree models, from any of the files XGBoost saves: JSON ({@code model.json}), UBJSON
 * ({@code model.ubj}) and the binary format of XGBoost before 1.0 (also written later as {@code
 * "deprecated"}). JSON and UBJSON are read in Java; a binary file is converted to JSON by
 * XGBoost4J, whose booster is released at once. Every model then predicts with the same plain-Java
 * tree evaluator, which gives XGBoost's own results (splits and sums in float32).
 *
 * <p>Inputs are one FP32 column per feature, named by {@link LoadOptions#featureNames()}, else by
 * the model's own feature names, else {@code f0, f1, ...} as XGBoost names them; FP64, INT64 and
 * BOOL columns are accepted too, and null or NaN is a missing value. Outputs follow the objective:
 * {@code binary:logistic} gives {@code label} (1 when the probability is above 0.5) and {@code
 * probabilities} ({@code [1 - p, p]}); {@code multi:softprob} gives {@code label} (the most
 * probable class) and {@code probabilities}; {@code multi:softmax} gives {@code label}; regression,
 * {@code count:poisson} and {@code binary:logitraw} give {@code prediction}.
 *
 * <p>Stateless and thread-safe.
 */
public final class XGBoostFormat implements ModelFormat {

    private static final String RESAVE =
            "save the model from XGBoost with save_model(\"model.json\") (Python) or"
                    + " Booster.saveModel(\"model.json\") (JVM)";

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public String runtime() {
        return "Slipway tree evaluator for XGBoost 1.0-3.0 JSON and UBJSON models;"
                + " binary models converted by XGBoost4J "
                + xgboost4jVersion();
    }

    @Override
    public boolean recognizes(String fileName, byte[] head) {
        return XGBoostFileKind.of(head).isPresent();
    }

    @Override
    public Predictor load(byte[] model, String source, LoadOptions options) {
        XGBoostModel parsed = parse(model, source);
        return new XGBoostPredictor(source, parsed, featureNames(parsed, options, source));
    }

    /** Reads a model from the bytes of any of XGBoost's files. */
    static XGBoostModel parse(byte[] model, String source) {
        XGBoostFileKind kind =
                XGBoostFileKind.of(model).orElseThrow(() -> notXGBoost(model, source));
        return switch (kind) {
            case JSON -> XGBoostJsonReader.read(model, source);
            case UBJSON -> XGBoostJsonReader.read(UbjsonReader.read(model, source), source);
            case LEGACY_BINARY ->
                    XGBoostJsonReader.read(LegacyBinary.toJson(model, source), source);
        };
    }

    /** The given names, else the model's own, else {@code f0, f1, ...}. */
    static List<String> featureNames(XGBoostModel model, LoadOptions options, String source) {
        int count = model.numFeatures();
        List<String> names = options.featureNames();
        if (names.isEmpty()) {
            names = model.featureNames();
        } else if (names.size() != count) {
            throw InvalidInputException.of(
                    source,
                    ("XGBoost model %s has %d features, but %d feature names were given; give one"
                                    + " name per feature, in the model's order, or none to use the"
                                    + " model's own names")
                            .formatted(source, count, names.size()));
        }
        if (names.isEmpty()) {
            names = IntStream.range(0, count).mapToObj(i -> "f" + i).toList();
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n.isEmpty() || !seen.add(n)) {
                throw InvalidInputException.of(
                        source,
                        "XGBoost model %s would have feature name '%s' %s; every feature needs its own non-empty name"
                                .formatted(source, n, n.isEmpty() ? "(empty)" : "twice"));
            }
        }
        return names;
    }

    private static InvalidInputException notXGBoost(byte[] model, String source) {
        if (model.length >= 2 && (model[0] & 0xff) == 0x80 && model[1] >= 2 && model[1] <= 5) {
            return InvalidInputException.of(
                    source,
                    ("%s is a Python pickle, which Slipway never loads because loading a pickle"
                                    + " runs code; %s")
                            .formatted(source, RESAVE));
        }
        byte[] start = Arrays.copyOf(model, Math.min(model.length, 8));
        return InvalidInputException.of(
                source,
                ("%s is not an XGBoost model file (%d bytes starting with %s): XGBoost saves JSON"
                                + " starting with {\"learner\", UBJSON, or its binary format. The"
                                + " file may be truncated or damaged, or another format; %s")
                        .formatted(source, model.length, HexFormat.of().formatHex(start), RESAVE));
    }

    private static String xgboost4jVersion() {
        try (InputStream in =
                XGBoost.class
                        .getClassLoader()
                        .getResourceAsStream("xgboost4j-version.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read XGBoost4J's version", e);
        }
    }
}
