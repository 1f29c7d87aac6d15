package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelSummary;
import dev.slipway.registry.ModelVersion;
import dev.slipway.serve.core.Authorizer.Need;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.serve.core.ServedModel;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The management API under {@code /api/v1}: server info, the registry's models with their versions
 * (each with its training metrics, lineage, provenance and signature, see {@link VersionJson}) and
 * what is served, loading and unloading, moving aliases (the server switches to the new version
 * before answering). Reading needs the {@code predict} scope, changing needs {@code admin}.
 */
final class ManagementRoutes {

    private final Web web;
    private final InferenceCore core;
    private final VersionJson.Manifests manifests;

    ManagementRoutes(Web web) {
        this.web = web;
        this.core = web.gateway().core();
        this.manifests = new VersionJson.Manifests(web.registry());
    }

    void mount(Router router) {
        router.get("/api/v1/server").handler(this::server);
        router.get("/api/v1/models").handler(ctx -> read(ctx, this::models));
        router.get("/api/v1/models/:name")
                .handler(ctx -> read(ctx, () -> model(ctx.pathParam("name"))));
        router.post("/api/v1/models/:name/load").handler(this::load);
        router.post("/api/v1/models/:name/unload").handler(this::unload);
        router.put("/api/v1/models/:name/aliases/:alias").handler(this::setAlias);
        router.delete("/api/v1/models/:name/aliases/:alias").handler(this::deleteAlias);
    }

    private void server(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", web.info().name());
        body.put("version", web.info().version());
        body.put("started", web.info().started().toString());
        body.put("home", web.info().home());
        body.put(
                "http_port",
                ctx.request().localAddress() == null ? -1 : ctx.request().localAddress().port());
        body.put(
                "grpc_port",
                web.info().grpcPort().isPresent() ? web.info().grpcPort().getAsInt() : null);
        body.put("tls", web.options().tls());
        body.put("tokens_required", web.authorizer().required());
        body.put("ready", core.ready());
        body.put("models", core.models().stream().map(ManagementRoutes::served).toList());
        var o = core.options();
        Map<String, Object> batching = new LinkedHashMap<>();
        batching.put("max_batch_rows", o.maxBatchRows());
        batching.put("max_delay_ms", o.maxDelay().toMillis());
        batching.put("queue_capacity_rows", o.queueCapacityRows());
        batching.put("timeout_ms", o.timeout().toMillis());
        batching.put("workers", o.workers());
        body.put("batching", batching);
        web.sendJson(ctx, body);
    }

    private List<Object> models() {
        List<Object> out = new ArrayList<>();
        for (ModelSummary s : web.registry().list()) {
            out.add(model(s.name()));
        }
        return out;
    }

    private Map<String, Object> model(String name) {
        ModelSummary s = web.registry().model(name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("aliases", s.aliases());
        m.put("tags", s.tags());
        List<Object> versions = new ArrayList<>();
        for (ModelVersion v : web.registry().versions(name)) {
            versions.add(VersionJson.of(manifests, v));
        }
        m.put("versions", versions);
        m.put("served", core.find(name).map(ManagementRoutes::served).orElse(null));
        return m;
    }

    static Map<String, Object> served(ServedModel m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", m.name());
        e.put("ref", m.ref());
        e.put("state", m.state().name().toLowerCase(java.util.Locale.ROOT));
        e.put("version", m.version().isPresent() ? m.version().getAsInt() : null);
        e.put("format", m.format());
        e.put("loaded_at", m.loadedAt().map(Object::toString).orElse(null));
        e.put("load_ms", m.loadMillis());
        e.put("last_error", m.lastError().orElse(null));
        e.put("queued_rows", m.queuedRows());
        e.put("inputs", m.signature().map(s -> VersionJson.specs(s.inputs())).orElse(List.of()));
        e.put("outputs", m.signature().map(s -> VersionJson.specs(s.outputs())).orElse(List.of()));
        return e;
    }

    private void load(RoutingContext ctx) {
        web.authorize(ctx, Need.ADMIN);
        String name = ctx.pathParam("name");
        Optional<String> ref = text(body(ctx), "ref");
        write(
                ctx,
                () -> {
                    ModelRef r =
                            ref.map(ModelRef::parse)
                                    .orElseGet(() -> HttpTransport.defaultRef(web, name));
                    if (!r.name().equals(name)) {
                        throw InvalidInputException.of(
                                "ref",
                                "the reference '%s' names another model than '%s'"
                                        .formatted(r, name));
                    }
                    return served(core.load(r));
                });
    }

    private void unload(RoutingContext ctx) {
        web.authorize(ctx, Need.ADMIN);
        String name = ctx.pathParam("name");
        write(
                ctx,
                () -> {
                    core.unload(name);
                    return Map.of("unloaded", name);
                });
    }

    private void setAlias(RoutingContext ctx) {
        web.authorize(ctx, Need.ADMIN);
        String name = ctx.pathParam("name");
        String alias = ctx.pathParam("alias");
        JsonNode body = body(ctx);
        JsonNode v = body.get("version");
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw InvalidInputException.of(
                    "version", "send {\"version\": N}, the version the alias should point to");
        }
        int version = v.asInt();
        write(
                ctx,
                () -> {
                    web.registry().setAlias(name, alias, version);
                    core.refresh();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("name", name);
                    out.put("alias", alias);
                    out.put("version", version);
                    out.put("served", core.find(name).map(ManagementRoutes::served).orElse(null));
                    return out;
                });
    }

    private void deleteAlias(RoutingContext ctx) {
        web.authorize(ctx, Need.ADMIN);
        String name = ctx.pathParam("name");
        String alias = ctx.pathParam("alias");
        write(
                ctx,
                () -> {
                    int was = web.registry().deleteAlias(name, alias);
                    return Map.of("name", name, "alias", alias, "deleted_from_version", was);
                });
    }

    private JsonNode body(RoutingContext ctx) {
        if (ctx.body().buffer() == null || ctx.body().length() == 0) {
            return web.json().mapper().createObjectNode();
        }
        JsonNode n = web.json().read(ctx.body().buffer(), "request");
        if (!n.isObject()) {
            throw InvalidInputException.of("request", "the body must be a JSON object");
        }
        return n;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    private void read(RoutingContext ctx, Callable<Object> work) {
        web.authorize(ctx, Need.PREDICT);
        blocking(ctx, work);
    }

    private void write(RoutingContext ctx, Callable<Object> work) {
        web.authorize(ctx, Need.ADMIN);
        blocking(ctx, work);
    }

    private void blocking(RoutingContext ctx, Callable<Object> work) {
        web.answer(ctx, web.vertx().executeBlocking(work, false));
    }
}
