package dev.slipway.serve.core;

import dev.slipway.api.NotFoundException;
import dev.slipway.api.SlipwayException;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The inference core: the models a server serves, each with its own bounded queue, batching workers
 * and atomically swapped version. It knows nothing of HTTP or gRPC: transports decode a request
 * into a {@link Frame}, call {@link #infer}, and encode the {@link Inference} it completes with.
 *
 * <p>Models are followed by reference: a model served as {@code adult-income@champion} is reloaded
 * when the alias moves (found by polling the registry, which other processes may write too, or at
 * once through {@link #refresh()}). The new version is loaded and warmed in the background while
 * the old one answers, then switched in; a version that fails to load leaves the old one serving
 * and is reported in {@link ServedModel#lastError()}.
 *
 * <p>Thread-safe. {@link #close()} stops taking requests, answers what is queued and releases the
 * models.
 */
public final class InferenceCore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("slipway.serve");

    private final ModelRegistry registry;
    private final CoreOptions options;
    private final Clock clock;
    private final CoreListener listener;
    private final Map<String, ModelSlot> slots = new ConcurrentHashMap<>();
    private final ExecutorService loader;
    private final ScheduledExecutorService poller;
    private volatile boolean closed;

    public InferenceCore(
            ModelRegistry registry, CoreOptions options, Clock clock, CoreListener listener) {
        this.registry = registry;
        this.options = options;
        this.clock = clock;
        this.listener = listener;
        this.loader =
                Executors.newFixedThreadPool(
                        Math.max(1, Runtime.getRuntime().availableProcessors()),
                        Thread.ofPlatform().name("slipway-loader-", 0).daemon().factory());
        this.poller =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("slipway-alias-poll").daemon().factory());
        if (!options.pollInterval().isZero()) {
            long ms = options.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** The options this core runs with. */
    public CoreOptions options() {
        return options;
    }

    /**
     * Serves the model {@code ref} points to under its name, loading it now; a model already served
     * under that name follows {@code ref} from now on.
     *
     * @throws SlipwayException when the reference does not resolve or the version does not load
     */
    public ServedModel load(ModelRef ref) {
        ModelSlot slot =
                slots.computeIfAbsent(ref.name(), n -> new ModelSlot(n, ref, options, listener));
        slot.ref = ref;
        try {
            reload(slot, true);
        } catch (RuntimeException e) {
            if (slot.current.get() == null) {
                slots.remove(ref.name(), slot);
                slot.close(Duration.ZERO);
            }
            throw e;
        }
        return slot.describe();
    }

    /** Stops serving {@code name}; queued requests are answered first. */
    public void unload(String name) {
        ModelSlot slot = slots.remove(name);
        if (slot == null) {
            throw notServed(name);
        }
        slot.close(options.timeout());
    }

    /**
     * Predicts {@code input} with the model served as {@code name}: the version given, or the one
     * answering now. The future fails with the error to report (bad input, unknown model or
     * version, overloaded, not ready).
     */
    public CompletableFuture<Inference> infer(String name, OptionalInt version, Frame input) {
        ModelSlot slot = slots.get(name);
        if (slot == null) {
            return CompletableFuture.failedFuture(notServed(name));
        }
        try {
            return slot.submit(input, version);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The models served, by name. */
    public List<ServedModel> models() {
        return slots.values().stream()
                .map(ModelSlot::describe)
                .sorted(Comparator.comparing(ServedModel::name))
                .toList();
    }

    /** The model served as {@code name}, if it is. */
    public Optional<ServedModel> find(String name) {
        return Optional.ofNullable(slots.get(name)).map(ModelSlot::describe);
    }

    /** The model served as {@code name}; throws {@link NotFoundException} when it is not. */
    public ServedModel model(String name) {
        return find(name).orElseThrow(() -> notServed(name));
    }

    /** The signature of the version answering as {@code name} now, if it is served and loaded. */
    public Optional<dev.slipway.api.model.Signature> signature(String name) {
        ModelSlot slot = slots.get(name);
        if (slot == null) {
            return Optional.empty();
        }
        Deployment d = slot.current.get();
        return d == null ? Optional.empty() : Optional.of(d.signature);
    }

    /** Whether every served model answers (and there is at least one). */
    public boolean ready() {
        if (closed || slots.isEmpty()) {
            return false;
        }
        for (ModelSlot s : slots.values()) {
            if (s.current.get() == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks every followed reference now and swaps in the versions they point to, waiting until
     * the loads are done. Failed loads are reported on the models, not thrown.
     */
    public void refresh() {
        for (ModelSlot slot : slots.values()) {
            try {
                reload(slot, false);
            } catch (RuntimeException e) {
                // reported on the slot
            }
        }
    }

    private void pollQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "checking aliases failed: " + e.getMessage());
        }
    }

    /** Loads the version the slot's reference points to, if it is not the one serving. */
    private void reload(ModelSlot slot, boolean retryFailed) {
        ModelVersion target;
        try {
            target = registry.resolve(slot.ref);
        } catch (RuntimeException e) {
            fail(slot, -1, "%s no longer resolves: %s".formatted(slot.ref, e.getMessage()));
            throw e;
        }
        Deployment d = slot.current.get();
        if (d != null && d.version == target.version()) {
            return;
        }
        if (!retryFailed && slot.failedVersion == target.version()) {
            return;
        }
        CompletableFuture<Deployment> next =
                CompletableFuture.supplyAsync(() -> deploy(target), loader);
        Deployment loaded;
        try {
            loaded = next.join();
        } catch (java.util.concurrent.CompletionException e) {
            RuntimeException cause =
                    e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
            fail(
                    slot,
                    target.version(),
                    "version %d failed to load: %s"
                            .formatted(target.version(), cause.getMessage()));
            throw cause;
        }
        if (closed || slots.get(slot.name) != slot) {
            loaded.release();
            return;
        }
        slot.failedVersion = -1;
        slot.lastError = "";
        slot.swap(loaded);
        listener.loaded(slot.name, loaded.version, loaded.loadMillis);
        LOG.log(
                System.Logger.Level.INFO,
                "%s: version %d serving (loaded in %d ms)"
                        .formatted(slot.name, loaded.version, loaded.loadMillis));
    }

    private void fail(ModelSlot slot, int version, String reason) {
        slot.failedVersion = version;
        Deployment d = slot.current.get();
        String message =
                d == null ? reason : "%s; version %d keeps serving".formatted(reason, d.version);
        slot.lastError = message;
        if (d == null) {
            slot.state = ServedModel.State.FAILED;
        }
        listener.loadFailed(slot.name, slot.ref.toString(), message);
        LOG.log(System.Logger.Level.WARNING, "%s: %s".formatted(slot.name, message));
    }

    private Deployment deploy(ModelVersion version) {
        long t0 = System.nanoTime();
        Predictor predictor = registry.load(version);
        try {
            Warmup.run(predictor);
        } catch (RuntimeException e) {
            predictor.close();
            throw e;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return new Deployment(version.version(), version.format(), predictor, clock.instant(), ms);
    }

    private static NotFoundException notServed(String name) {
        return new NotFoundException(
                "model",
                name,
                "model '%s' is not served here; GET /v2/models lists the served models, and POST /v2/repository/models/%s/load loads it"
                        .formatted(name, name));
    }

    /** Stops taking requests, answers what is queued, and releases every model. */
    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        for (ModelSlot slot : slots.values()) {
            slot.close(options.timeout());
        }
        slots.clear();
        loader.shutdownNow();
    }
}
