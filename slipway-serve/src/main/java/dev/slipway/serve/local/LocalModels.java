package dev.slipway.serve.local;

import dev.slipway.api.model.ModelRef;
import dev.slipway.formats.lightgbm.LightGbmFormat;
import dev.slipway.formats.onnx.OnnxFormat;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.serve.core.CoreListener;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The models of a home, predicted in-process: the local twin of {@code slipway serve}. Rows go
 * through the same checks, conversions and predictors as the server's, so a row gets the same
 * answer here as over HTTP or gRPC.
 *
 * <pre>{@code
 * try (LocalModels models = LocalModels.open(Path.of("/srv/slipway"))) {
 *     LocalModel adult = models.model("adult-income@champion");
 *     Map<String, Object> answer = adult.predict(Map.of("age", 39, "workclass", "State-gov", ...));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Aliases are followed when {@link #model} is called and, with {@link #open(Path,
 * Duration)}, while the models are in use.
 */
public final class LocalModels implements AutoCloseable {

    private final Optional<SlipwayHome> ownedHome;
    private final InferenceCore core;
    private final Gateway gateway;

    private LocalModels(Optional<SlipwayHome> ownedHome, InferenceCore core) {
        this.ownedHome = ownedHome;
        this.core = core;
        this.gateway = new Gateway(core, List.of());
    }

    /** Opens the home at {@code root}; aliases are read when a model is first asked for. */
    public static LocalModels open(Path root) {
        return open(root, Duration.ZERO);
    }

    /** Opens the home at {@code root}, checking aliases for moves every {@code poll} (0: never). */
    public static LocalModels open(Path root, Duration poll) {
        SlipwayHome home = SlipwayHome.open(root);
        try {
            ModelRegistry registry =
                    new ModelRegistry(
                            home,
                            List.of(new XGBoostFormat(), new OnnxFormat(), new LightGbmFormat()),
                            Clock.systemUTC());
            return new LocalModels(Optional.of(home), core(registry, poll));
        } catch (RuntimeException e) {
            home.close();
            throw e;
        }
    }

    /** Uses an open registry, which stays the caller's to close. */
    public static LocalModels of(ModelRegistry registry, Duration poll) {
        return new LocalModels(Optional.empty(), core(registry, poll));
    }

    private static InferenceCore core(ModelRegistry registry, Duration poll) {
        CoreOptions options = CoreOptions.defaults().withPollInterval(poll);
        return new InferenceCore(
                registry,
                options.withWorkers(options.workers(), Integer.MAX_VALUE),
                Clock.systemUTC(),
                CoreListener.none());
    }

    /**
     * The model {@code ref} names ({@code name}, {@code name/3} or {@code name@alias}), loaded on
     * first use. Asking again with the same name and another reference switches it.
     */
    public LocalModel model(String ref) {
        ModelRef r = ModelRef.parse(ref);
        var served = core.find(r.name());
        if (served.isEmpty() || !served.get().ref().equals(r.toString())) {
            core.load(r);
        }
        return new LocalModel(r.name(), gateway);
    }

    /** Releases the models (and the home, when this opened it). */
    @Override
    public void close() {
        core.close();
        ownedHome.ifPresent(SlipwayHome::close);
    }
}
