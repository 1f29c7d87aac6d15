package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.serve.core.Authorizer.Need;
import io.vertx.core.MultiMap;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The datasets of the server's home over HTTP, for the console and scripts: the datasets with their
 * latest version, a dataset's history, a version's schema and profile, a validation of a version's
 * snapshot against its own schema, and its first rows. Every route needs the {@code predict} scope.
 *
 * <p>A version is named by its number in the dataset's history, {@code latest}, or its id (or a
 * unique prefix of at least 4 characters). The data layer does not store validation reports, so
 * {@code .../validation} computes one on request.
 *
 * <p>The work reads the metadata store, blobs and Parquet snapshots: it runs on a small pool of its
 * own ({@value #POOL} threads), never on an event loop.
 */
final class DatasetsRoutes {

    static final String POOL_NAME = "slipway-datasets";
    static final int POOL = 2;

    static final int DEFAULT_ROWS = 20;
    static final int MAX_ROWS = 1000;

    private static final String BASE = "/api/v1/datasets";
    private static final String VERSION = BASE + "/:name/versions/:version";

    private final Web web;
    private final Datasets datasets;
    private final WorkerExecutor pool;

    DatasetsRoutes(Web web, HomeApi home) {
        this.web = web;
        this.datasets = home.datasets();
        // Shared by name between the event loops' routers.
        this.pool = web.vertx().createSharedWorkerExecutor(POOL_NAME, POOL, 1, TimeUnit.HOURS);
    }

    void mount(Router router) {
        router.get(BASE)
                .handler(ctx -> read(ctx, Set.of(), () -> DatasetJson.list(datasets.list())));
        router.get(BASE + "/:name").handler(ctx -> read(ctx, Set.of(), () -> history(ctx)));
        router.get(VERSION).handler(ctx -> read(ctx, Set.of(), () -> version(ctx)));
        router.get(VERSION + "/validation")
                .handler(ctx -> read(ctx, Set.of(), () -> validation(ctx)));
        router.get(VERSION + "/rows").handler(ctx -> read(ctx, Set.of("limit"), () -> rows(ctx)));
    }

    private JsonNode history(RoutingContext ctx) {
        String name = DatasetRef.requireValidName(ctx.pathParam("name"));
        return DatasetJson.history(name, datasets.history(name));
    }

    private JsonNode version(RoutingContext ctx) {
        DatasetVersion v = resolve(ctx);
        ObjectNode n = DatasetJson.detail(v, datasets.profile(v.ref()));
        n.put(
                "validation_url",
                BASE + "/" + encode(v.dataset()) + "/versions/" + v.number() + "/validation");
        return n;
    }

    private JsonNode validation(RoutingContext ctx) {
        DatasetVersion v = resolve(ctx);
        return DatasetJson.validation(v, datasets.validate(v.ref(), v.snapshot()));
    }

    private JsonNode rows(RoutingContext ctx) {
        int limit = limit(ctx.queryParams());
        DatasetVersion v = resolve(ctx);
        return DatasetJson.rows(v, limit, datasets.head(v.ref(), limit));
    }

    /** The version the path names: a number, {@code latest}, or an id. */
    private DatasetVersion resolve(RoutingContext ctx) {
        String name = DatasetRef.requireValidName(ctx.pathParam("name"));
        String v = ctx.pathParam("version");
        DatasetRef ref =
                v.equals("latest") ? DatasetRef.latest(name) : new DatasetRef(name, Optional.of(v));
        return datasets.resolve(ref);
    }

    static int limit(MultiMap query) {
        List<String> values = query.getAll("limit");
        if (values.isEmpty()) {
            return DEFAULT_ROWS;
        }
        String text = values.get(0).strip();
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > MAX_ROWS) {
            throw InvalidInputException.of(
                    "limit",
                    "limit must be a whole number from 0 to %d, got '%s'; e.g. ?limit=%d"
                            .formatted(MAX_ROWS, text, DEFAULT_ROWS));
        }
        return n;
    }

    private void read(RoutingContext ctx, Set<String> accepted, Callable<JsonNode> work) {
        web.authorize(ctx, Need.PREDICT);
        QueryParams.check(ctx.queryParams(), accepted);
        web.answer(ctx, pool.executeBlocking(work, false));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
