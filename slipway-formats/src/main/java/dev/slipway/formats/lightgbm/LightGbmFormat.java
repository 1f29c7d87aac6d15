package dev.slipway.formats.lightgbm;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LightGBM's text model format (what {@code save_model()} and {@code model_to_string()} write),
 * evaluated by the LightGBM library that lightgbm4j bundles.
 *
 * <p>A loaded model takes one {@code FP64} column per feature, named as in the model's {@code
 * feature_names} line or by {@link LoadOptions#featureNames()}. Any numeric column is accepted, and
 * booleans as 0 and 1; a missing row or NaN is a missing value. A categorical feature takes the
 * integer category code, as LightGBM does. Outputs follow the objective: {@code binary} gives
 * {@code label} (1 when the probability of class 1 is above one half) and {@code probabilities} (2
 * classes, {@code "0"} and {@code "1"}); {@code multiclass} and {@code multiclassova} give {@code
 * label} (the most probable class) and {@code probabilities} (LightGBM's values as they are: for
 * {@code multiclassova} they need not add up to 1); every other objective gives {@code prediction},
 * transformed as LightGBM transforms it ({@code poisson} gives the mean, not its log).
 *
 * <p>The text is checked in full before LightGBM reads it, because LightGBM's reader trusts it: a
 * truncated or damaged file is refused with a message instead of crashing the process.
 *
 * <p>Stateless and thread-safe. The native library is loaded by the first {@link #load}.
 */
public final class LightGbmFormat implements ModelFormat {

    /** The format's name in manifests. */
    public static final String NAME = "lightgbm";

    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version=v[0-9]+\\r?$");
    private static final int HEAD_LIMIT = 64 * 1024;

    /** A format instance; cheap, as the native library is loaded by the first load. */
    public LightGbmFormat() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String runtime() {
        return "LightGBM " + LightGbmRuntime.version();
    }

    /** Whether {@code head} starts with LightGBM's {@code tree} line and has its version line. */
    @Override
    public boolean recognizes(String fileName, byte[] head) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(head, "head");
        String start =
                new String(head, 0, Math.min(head.length, HEAD_LIMIT), StandardCharsets.ISO_8859_1);
        return (start.startsWith("tree\n") || start.startsWith("tree\r\n"))
                && VERSION_LINE.matcher(start).find();
    }

    @Override
    public Predictor load(byte[] model, String source, LoadOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        String text = ModelTextReader.text(model, source);
        ModelHeader header = ModelTextReader.read(text, source);
        List<String> features = featureNames(header, source, options);
        NativeBooster booster =
                NativeBooster.load(text, header, source, Outputs.nativeWidth(header));
        return new LightGbmPredictor(source, header, features, booster);
    }

    private static List<String> featureNames(
            ModelHeader header, String source, LoadOptions options) {
        List<String> names = options.featureNames();
        if (names.isEmpty()) {
            String repeated = firstRepeated(header.featureNames());
            if (!repeated.isEmpty()) {
                throw InvalidInputException.of(
                        source,
                        "LightGBM model '%s' names two features '%s'; give distinct names for its %d features in the load options"
                                .formatted(source, repeated, header.featureCount()));
            }
            return header.featureNames();
        }
        if (names.size() != header.featureCount()) {
            throw InvalidInputException.of(
                    source,
                    "%d feature names were given for LightGBM model '%s', which has %d features %s; give one name per feature, in the model's order"
                            .formatted(
                                    names.size(),
                                    source,
                                    header.featureCount(),
                                    header.featureNames()));
        }
        String repeated = firstRepeated(names);
        if (!repeated.isEmpty() || names.contains("")) {
            throw InvalidInputException.of(
                    source,
                    "the feature names given for LightGBM model '%s' must be distinct and non-empty, but %s"
                            .formatted(
                                    source,
                                    repeated.isEmpty()
                                            ? "one is empty"
                                            : "'" + repeated + "' appears twice"));
        }
        return names;
    }

    /** The first name that appears twice, or the empty string. */
    private static String firstRepeated(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!name.isEmpty() && !seen.add(name)) {
                return name;
            }
        }
        return "";
    }
}
