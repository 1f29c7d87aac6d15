package dev.slipway.serve.http;

import dev.slipway.data.Datasets;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelVersion;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The playground's {@link TrainingRows} per model version, kept for the {@value #SIZE} versions
 * asked for last. A version is keyed by its manifest's blob id: a package never changes, nor does
 * the dataset version its manifest names, so an entry never goes stale. One instance per server
 * (every event loop's router shares it); a version asked for by two requests at once is read once.
 * A failed read is not kept.
 *
 * <p>Thread-safe.
 */
final class PlaygroundCache implements Shareable {

    static final int SIZE = 16;

    private static final String MAP = "slipway.playground";

    private final Map<String, CompletableFuture<TrainingRows>> entries =
            new LinkedHashMap<>(SIZE, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(
                        Map.Entry<String, CompletableFuture<TrainingRows>> eldest) {
                    return size() > SIZE;
                }
            };

    /** The cache of the server that runs on {@code vertx}. */
    static PlaygroundCache of(Vertx vertx) {
        return vertx.sharedData()
                .<String, PlaygroundCache>getLocalMap(MAP)
                .computeIfAbsent("cache", k -> new PlaygroundCache());
    }

    /** The training rows of {@code version}, read on the calling thread when not kept yet. */
    TrainingRows get(ModelVersion version, ModelManifest manifest, Datasets datasets) {
        String key = version.manifest().hex();
        CompletableFuture<TrainingRows> mine = new CompletableFuture<>();
        CompletableFuture<TrainingRows> found;
        synchronized (entries) {
            found = entries.putIfAbsent(key, mine);
        }
        if (found != null) {
            return found.join();
        }
        try {
            TrainingRows rows =
                    TrainingRows.of(
                            version.toString(),
                            manifest,
                            datasets,
                            TrainingRows.READ_WHOLE,
                            TrainingRows.READ_HEAD);
            mine.complete(rows);
            return rows;
        } catch (RuntimeException e) {
            synchronized (entries) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
