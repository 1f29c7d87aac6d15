package dev.slipway.serve.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import dev.slipway.serve.core.Authorizer.Need;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.serve.core.Protocol;
import dev.slipway.serve.core.ServedModel;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Open Inference Protocol's REST endpoints: health, server and model metadata, model readiness,
 * inference (each model path also with {@code /versions/{v}}), the model list and the model
 * repository extension.
 */
final class OipRoutes {

    private final Web web;
    private final OipCodec codec;
    private final InferenceCore core;

    OipRoutes(Web web) {
        this.web = web;
        this.codec = new OipCodec(web.json());
        this.core = web.gateway().core();
    }

    void mount(Router router) {
        router.get("/v2/health/live").handler(ctx -> web.sendJson(ctx, Map.of("live", true)));
        router.get("/v2/health/ready").handler(this::ready);
        router.get("/v2").handler(this::serverMetadata);
        router.get("/v2/models").handler(this::list);
        for (String base : List.of("/v2/models/:model", "/v2/models/:model/versions/:version")) {
            router.get(base).handler(this::modelMetadata);
            router.get(base + "/ready").handler(this::modelReady);
            router.post(base + "/infer").handler(this::infer);
        }
        router.post("/v2/repository/index").handler(this::index);
        router.post("/v2/repository/models/:model/load").handler(this::load);
        router.post("/v2/repository/models/:model/unload").handler(this::unload);
    }

    private void ready(RoutingContext ctx) {
        boolean ready = core.ready();
        web.sendJson(ctx, ready ? 200 : 503, web.json().write(Map.of("ready", ready)));
    }

    private void serverMetadata(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", web.info().name());
        body.put("version", web.info().version());
        body.put("extensions", List.of("model_repository", "slipway_management"));
        web.sendJson(ctx, body);
    }

    private void list(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        web.sendJson(ctx, Map.of("models", core.models().stream().map(ServedModel::name).toList()));
    }

    private ServedModel served(RoutingContext ctx) {
        String name = ctx.pathParam("model");
        ServedModel m = core.model(name);
        OptionalInt version = version(ctx);
        if (version.isPresent()
                && (m.version().isEmpty() || m.version().getAsInt() != version.getAsInt())) {
            throw new NotFoundException(
                    "model version",
                    name + "/" + version.getAsInt(),
                    "version %d of model %s is not served; %s"
                            .formatted(
                                    version.getAsInt(),
                                    name,
                                    m.version().isPresent()
                                            ? "version " + m.version().getAsInt() + " is"
                                            : "no version is loaded yet"));
        }
        return m;
    }

    static OptionalInt version(RoutingContext ctx) {
        String v = ctx.pathParam("version");
        if (v == null) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new NotFoundException(
                "model version",
                ctx.pathParam("model") + "/" + v,
                "model versions are numbers from 1; '%s' is not one".formatted(v));
    }

    private void modelMetadata(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        ServedModel m = served(ctx);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = web.json().mapper().getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            g.writeArrayFieldStart("versions");
            if (m.version().isPresent()) {
                g.writeString(Integer.toString(m.version().getAsInt()));
            }
            g.writeEndArray();
            g.writeStringField("platform", m.format());
            Signature s = m.signature().orElse(new Signature(List.of(), List.of()));
            g.writeArrayFieldStart("inputs");
            for (ColumnSpec c : s.inputs()) {
                OipCodec.writeMeta(g, c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("outputs");
            for (ColumnSpec c : s.outputs()) {
                OipCodec.writeMeta(g, c);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("parameters");
            g.writeStringField("ref", m.ref());
            g.writeStringField("content_type", "pd");
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        web.sendJson(ctx, 200, bytes.toByteArray());
    }

    private void modelReady(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        ServedModel m = served(ctx);
        boolean ready = m.state() == ServedModel.State.READY;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", m.name());
        body.put("ready", ready);
        web.sendJson(ctx, ready ? 200 : 503, web.json().write(body));
    }

    private void infer(RoutingContext ctx) {
        Call call = HttpTransport.call(ctx, Protocol.OIP_REST);
        String model = ctx.pathParam("model");
        OipRequest request;
        OptionalInt version;
        try {
            web.authorize(ctx, Need.PREDICT);
            version = version(ctx);
            request =
                    codec.decode(
                            web.json().read(ctx.body().buffer(), "inference request"),
                            core.signature(model));
        } catch (RuntimeException e) {
            web.gateway().failed(call, model, e);
            Errors.send(ctx.response(), web.json(), Errors.Style.OIP, e, call.requestId());
            return;
        }
        web.gateway()
                .infer(call, model, version, request.input())
                .whenComplete(
                        (r, e) -> {
                            if (e != null) {
                                Errors.send(
                                        ctx.response(),
                                        web.json(),
                                        Errors.Style.OIP,
                                        e,
                                        call.requestId());
                                return;
                            }
                            try {
                                byte[] body = codec.encode(r, request.id(), request.outputs());
                                ctx.response()
                                        .putHeader(
                                                "Server-Timing", serverTiming(call.startNanos()));
                                web.sendJson(ctx, 200, body);
                            } catch (RuntimeException x) {
                                Errors.send(
                                        ctx.response(),
                                        web.json(),
                                        Errors.Style.OIP,
                                        x,
                                        call.requestId());
                            }
                        });
    }

    /**
     * The {@code Server-Timing} header of an answer: {@code total;dur=MS}, the time from the
     * request's arrival to its answer in milliseconds with three decimals (browsers show it, and
     * the console's Playground reads it).
     */
    static String serverTiming(long startNanos) {
        long micros = Math.max(0, (System.nanoTime() - startNanos) / 1_000);
        long frac = micros % 1_000;
        return "total;dur=" + micros / 1_000 + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    }

    private void index(RoutingContext ctx) {
        web.authorize(ctx, Need.PREDICT);
        List<Map<String, Object>> out =
                core.models().stream()
                        .map(
                                m -> {
                                    Map<String, Object> e = new LinkedHashMap<>();
                                    e.put("name", m.name());
                                    e.put(
                                            "version",
                                            m.version().isPresent()
                                                    ? Integer.toString(m.version().getAsInt())
                                                    : "");
                                    e.put(
                                            "state",
                                            m.state() == ServedModel.State.READY
                                                    ? "READY"
                                                    : m.state().name());
                                    e.put("reason", m.lastError().orElse(""));
                                    return e;
                                })
                        .toList();
        web.sendJson(ctx, out);
    }

    private void load(RoutingContext ctx) {
        web.authorize(ctx, Need.ADMIN);
        String name = ctx.pathParam("model");
        Optional<String> given = Optional.empty();
        if (ctx.body().buffer() != null && ctx.body().length() > 0) {
            var body = web.json().read(ctx.body().buffer(), "load request");
            var ref = body.path("parameters").path("ref");
            if (ref.isTextual()) {
                given = Optional.of(ref.asText());
            }
        }
        ModelRef ref =
                given.map(ModelRef::parse).orElseGet(() -> HttpTransport.defaultRef(web, name));
        if (!ref.name().equals(name)) {
            throw OipCodec.bad(
                    "ref", "the reference '%s' names another model than '%s'".formatted(ref, name));
        }
        web.answer(
                ctx,
                web.vertx().executeBlocking(() -> core.load(ref), false),
                result -> ctx.response().setStatusCode(200).end());
    }

    private void unload(RoutingContext ctx) {
        web.authorize(ctx, Need.ADMIN);
        String name = ctx.pathParam("model");
        web.answer(
                ctx,
                web.vertx()
                        .executeBlocking(
                                () -> {
                                    core.unload(name);
                                    return name;
                                },
                                false),
                result -> ctx.response().setStatusCode(200).end());
    }
}
