package dev.slipway.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The parameter values a tuning tries: per parameter, a list of values or a range to draw from.
 *
 * <p>A space file is JSON, one entry per XGBoost parameter: {@code {"values": [4, 6, 8]}}, {@code
 * {"int": [3, 10]}} (whole numbers, both ends included), {@code {"uniform": [0.5, 1.0]}} or {@code
 * {"log": [0.01, 0.3]}} (uniform in the logarithm). For example:
 *
 * <pre>{"eta": {"log": [0.02, 0.3]}, "max_depth": {"values": [4, 6, 8]}}</pre>
 */
public record SearchSpace(String name, Map<String, Dimension> dimensions) {

    /** The values one parameter may take. */
    public sealed interface Dimension {
        /** One of the listed values; the only kind a grid search takes. */
        record Values(List<String> values) implements Dimension {
            public Values {
                values = List.copyOf(values);
            }
        }

        /** A whole number in [min, max]. */
        record IntRange(long min, long max) implements Dimension {}

        /** A number drawn uniformly from [min, max]. */
        record Uniform(double min, double max) implements Dimension {}

        /** A number whose logarithm is drawn uniformly from [log min, log max]. */
        record LogUniform(double min, double max) implements Dimension {}
    }

    public SearchSpace {
        dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        if (dimensions.isEmpty()) {
            throw InvalidInputException.of(name, "search space %s is empty".formatted(name));
        }
    }

    /**
     * The presets by name: {@code gbdt} (a broad random search) and {@code quick} (a small grid).
     */
    public static Map<String, SearchSpace> presets() {
        Map<String, Dimension> gbdt = new LinkedHashMap<>();
        gbdt.put("eta", new Dimension.LogUniform(0.02, 0.3));
        gbdt.put("max_depth", new Dimension.IntRange(3, 10));
        gbdt.put("min_child_weight", new Dimension.LogUniform(0.5, 20));
        gbdt.put("subsample", new Dimension.Uniform(0.6, 1.0));
        gbdt.put("colsample_bytree", new Dimension.Uniform(0.5, 1.0));
        gbdt.put("lambda", new Dimension.LogUniform(0.1, 10));
        Map<String, Dimension> quick = new LinkedHashMap<>();
        quick.put("eta", new Dimension.Values(List.of("0.05", "0.1", "0.3")));
        quick.put("max_depth", new Dimension.Values(List.of("4", "6", "8")));
        Map<String, SearchSpace> out = new TreeMap<>();
        out.put("gbdt", new SearchSpace("gbdt", gbdt));
        out.put("quick", new SearchSpace("quick", quick));
        return out;
    }

    /** A preset's name, or the path of a space file. */
    public static SearchSpace resolve(String presetOrFile) {
        SearchSpace preset = presets().get(presetOrFile);
        if (preset != null) {
            return preset;
        }
        Path file = Path.of(presetOrFile);
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of(
                    "--space",
                    "--space %s: no such file and no such preset; presets are %s, or give a JSON file such as {\"eta\": {\"log\": [0.02, 0.3]}}"
                            .formatted(presetOrFile, presets().keySet()));
        }
        return read(file);
    }

    /** Reads a space file. */
    static SearchSpace read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), "%s is not valid JSON: %s".formatted(file, e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s must hold a JSON object with one entry per parameter".formatted(file));
        }
        Map<String, Dimension> dims = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            dims.put(e.getKey(), dimension(file, e.getKey(), e.getValue()));
        }
        return new SearchSpace(file.toString(), dims);
    }

    private static Dimension dimension(Path file, String param, JsonNode node) {
        String where = "%s, parameter %s".formatted(file, param);
        if (!node.isObject() || node.size() != 1) {
            throw badDimension(where);
        }
        String kind = node.fieldNames().next();
        JsonNode v = node.get(kind);
        if (!v.isArray() || v.isEmpty()) {
            throw badDimension(where);
        }
        return switch (kind) {
            case "values" -> {
                List<String> values = new ArrayList<>();
                v.forEach(x -> values.add(x.asText()));
                yield new Dimension.Values(values);
            }
            case "int", "uniform", "log" -> {
                if (v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
                    throw badDimension(where);
                }
                double lo = v.get(0).asDouble();
                double hi = v.get(1).asDouble();
                if (!(lo <= hi) || (kind.equals("log") && lo <= 0)) {
                    throw InvalidInputException.of(
                            file.toString(),
                            "%s: the range [%s, %s] is empty%s"
                                    .formatted(
                                            where,
                                            lo,
                                            hi,
                                            kind.equals("log") ? " or not positive" : ""));
                }
                yield switch (kind) {
                    case "int" -> new Dimension.IntRange((long) lo, (long) hi);
                    case "uniform" -> new Dimension.Uniform(lo, hi);
                    default -> new Dimension.LogUniform(lo, hi);
                };
            }
            default -> throw badDimension(where);
        };
    }

    private static InvalidInputException badDimension(String where) {
        return InvalidInputException.of(
                where,
                "%s: write {\"values\": [...]}, {\"int\": [min, max]}, {\"uniform\": [min, max]} or {\"log\": [min, max]}"
                        .formatted(where));
    }

    /** {@code count} parameter sets drawn at random with {@code seed}. */
    List<Map<String, String>> random(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> trial = new TreeMap<>();
            for (Map.Entry<String, Dimension> e : dimensions.entrySet()) {
                trial.put(e.getKey(), draw(e.getValue(), random));
            }
            out.add(trial);
        }
        return out;
    }

    /** Every combination of the listed values, at most {@code limit} of them. */
    List<Map<String, String>> grid(int limit) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new TreeMap<>());
        for (Map.Entry<String, Dimension> e : dimensions.entrySet()) {
            if (!(e.getValue() instanceof Dimension.Values values)) {
                throw InvalidInputException.of(
                        "--strategy",
                        "a grid search takes listed values only, but %s is a range in %s; use --strategy random or list its values"
                                .formatted(e.getKey(), name));
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values.values()) {
                    Map<String, String> m = new TreeMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static String draw(Dimension d, SplittableRandom random) {
        return switch (d) {
            case Dimension.Values v -> v.values().get(random.nextInt(v.values().size()));
            case Dimension.IntRange r ->
                    Long.toString(r.min() + random.nextLong(r.max() - r.min() + 1));
            case Dimension.Uniform u -> fmt(u.min() + random.nextDouble() * (u.max() - u.min()));
            case Dimension.LogUniform l ->
                    fmt(
                            Math.exp(
                                    Math.log(l.min())
                                            + random.nextDouble()
                                                    * (Math.log(l.max()) - Math.log(l.min()))));
        };
    }

    /** Four significant digits: enough to tune, short enough to read. */
    private static String fmt(double v) {
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString()
                .toLowerCase(Locale.ROOT);
    }
}
