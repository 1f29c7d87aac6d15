package dev.slipway.train;

import static dev.slipway.train.Algorithm.GBDT;
import static dev.slipway.train.Algorithm.LINEAR;
import static dev.slipway.train.Algorithm.RF;

import dev.slipway.api.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters a user may set, by XGBoost's names, with their ranges and each algorithm's
 * defaults. Everything else XGBoost is given (objective, seed, threads) follows from the task and
 * the spec.
 */
final class ParamCatalog {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static final List<Param> PARAMS =
            List.of(
                    Param.integer("num_round", 1, 100_000),
                    Param.real("eta", 0, 1),
                    Param.integer("max_depth", 0, 64, GBDT, RF),
                    Param.real("min_child_weight", 0, INF, GBDT, RF),
                    Param.real("subsample", 1e-6, 1, GBDT, RF),
                    Param.real("colsample_bytree", 1e-6, 1, GBDT, RF),
                    Param.real("colsample_bylevel", 1e-6, 1, GBDT, RF),
                    Param.real("colsample_bynode", 1e-6, 1, GBDT, RF),
                    Param.real("lambda", 0, INF),
                    Param.real("alpha", 0, INF),
                    Param.real("gamma", 0, INF, GBDT, RF),
                    Param.integer("max_bin", 2, 65_536, GBDT, RF),
                    Param.integer("max_leaves", 0, 1 << 20, GBDT, RF),
                    Param.choice("grow_policy", List.of("depthwise", "lossguide"), GBDT, RF),
                    Param.choice("tree_method", List.of("hist", "approx", "exact"), GBDT, RF),
                    Param.real("scale_pos_weight", 1e-9, INF, GBDT, RF),
                    Param.real("max_delta_step", 0, INF, GBDT, RF),
                    Param.integer("num_parallel_tree", 1, 10_000, RF),
                    Param.choice("feature_selector", List.of("cyclic", "shuffle"), LINEAR));

    /** Aliases XGBoost's scikit-learn wrapper uses, mapped to the names above. */
    private static final Map<String, String> ALIASES =
            Map.of(
                    "learning_rate", "eta",
                    "n_estimators", "num_round",
                    "reg_lambda", "lambda",
                    "reg_alpha", "alpha",
                    "min_split_loss", "gamma");

    private static final Map<Algorithm, Map<String, String>> DEFAULTS =
            Map.of(
                    GBDT,
                    ordered(
                            "num_round", "300",
                            "eta", "0.1",
                            "max_depth", "6",
                            "min_child_weight", "1",
                            "subsample", "1",
                            "colsample_bytree", "1",
                            "lambda", "1",
                            "alpha", "0",
                            "max_bin", "256",
                            "tree_method", "hist"),
                    RF,
                    ordered(
                            "num_round", "1",
                            "num_parallel_tree", "100",
                            "eta", "1",
                            "max_depth", "10",
                            "subsample", "0.8",
                            "colsample_bynode", "0.8",
                            "lambda", "1",
                            "max_bin", "256",
                            "tree_method", "hist"),
                    LINEAR,
                    ordered(
                            "num_round", "200",
                            "eta", "0.5",
                            "lambda", "0",
                            "alpha", "0",
                            "feature_selector", "cyclic"));

    private ParamCatalog() {}

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * The algorithm's defaults overridden by {@code user}, checked, by canonical name in sorted
     * order; the values as XGBoost takes them.
     *
     * @throws InvalidInputException for an unknown name (listing the valid ones), a value out of
     *     range, or a parameter that does not apply to the algorithm
     */
    static Map<String, Object> resolve(Algorithm algorithm, Map<String, String> user) {
        Map<String, String> merged = new TreeMap<>(DEFAULTS.get(algorithm));
        for (Map.Entry<String, String> e : new TreeMap<>(user).entrySet()) {
            merged.put(canonical(e.getKey(), algorithm), e.getValue());
        }
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, String> e : merged.entrySet()) {
            out.put(e.getKey(), find(e.getKey()).parse(e.getValue()));
        }
        return out;
    }

    /** Every parameter that applies to {@code algorithm}, with its accepted values and default. */
    static Map<String, String> describe(Algorithm algorithm) {
        Map<String, String> out = new TreeMap<>();
        for (Param p : PARAMS) {
            if (p.algos().contains(algorithm)) {
                String def = DEFAULTS.get(algorithm).get(p.name());
                out.put(p.name(), p.describe() + (def == null ? "" : ", default " + def));
            }
        }
        return out;
    }

    private static String canonical(String name, Algorithm algorithm) {
        String n = ALIASES.getOrDefault(name.strip(), name.strip());
        Param p =
                PARAMS.stream()
                        .filter(q -> q.name().equals(n))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                "--param " + name,
                                                "unknown parameter '%s' for %s; valid: %s"
                                                        .formatted(
                                                                name,
                                                                algorithm.label(),
                                                                String.join(
                                                                        ", ",
                                                                        describe(algorithm)
                                                                                .keySet()))));
        if (!p.algos().contains(algorithm)) {
            throw InvalidInputException.of(
                    "--param " + name,
                    "parameter '%s' does not apply to %s; valid: %s"
                            .formatted(
                                    name,
                                    algorithm.label(),
                                    String.join(", ", describe(algorithm).keySet())));
        }
        return n;
    }

    private static Param find(String name) {
        return PARAMS.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }
}
