package dev.slipway.serve.http;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.UnavailableException;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import dev.slipway.serve.core.Authorizer.Need;
import dev.slipway.serve.core.Call;
import dev.slipway.serve.core.InferenceCore;
import dev.slipway.serve.core.Protocol;
import dev.slipway.serve.core.ServedModel;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * MLflow's scoring protocol, so that clients of {@code mlflow models serve} work unchanged: {@code
 * POST /invocations} (the model chosen with {@code --mlflow-model}, else the only one served),
 * {@code POST /models/{name}/invocations} (any served model), {@code GET /ping} and {@code GET
 * /health} (200 when that model answers), and {@code GET /version}.
 */
final class MlflowRoutes {

    private static final String ACCEPTED =
            "send application/json, text/csv or application/csv, optionally with charset=utf-8";

    /** The request body kinds. */
    private enum Body {
        JSON,
        CSV
    }

    private final Web web;
    private final MlflowCodec codec;
    private final InferenceCore core;

    MlflowRoutes(Web web) {
        this.web = web;
        this.codec = new MlflowCodec(web.json());
        this.core = web.gateway().core();
    }

    void mount(Router router) {
        router.get("/ping").handler(this::health);
        router.get("/health").handler(this::health);
        router.get("/version")
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                                        .end(web.info().version()));
        router.post("/invocations").handler(ctx -> invoke(ctx, Optional.empty()));
        router.post("/models/:model/invocations")
                .handler(ctx -> invoke(ctx, Optional.of(ctx.pathParam("model"))));
    }

    /**
     * 200 when the model {@code /invocations} serves answers (every model, when none is chosen).
     */
    private void health(RoutingContext ctx) {
        Optional<String> why = notReady();
        if (why.isEmpty()) {
            ctx.response().setStatusCode(200).end();
        } else {
            Errors.send(
                    ctx.response(),
                    web.json(),
                    Errors.Style.MLFLOW,
                    new UnavailableException(why.get(), Duration.ofSeconds(1)),
                    RequestIds.of(ctx));
        }
    }

    private Optional<String> notReady() {
        Optional<String> chosen = web.options().mlflowModel();
        if (chosen.isPresent()) {
            Optional<ServedModel> m = core.find(chosen.get());
            if (m.isEmpty()) {
                return Optional.of(
                        "model '%s' (chosen with --mlflow-model) is not served"
                                .formatted(chosen.get()));
            }
            return m.get().state() == ServedModel.State.READY
                    ? Optional.empty()
                    : Optional.of(
                            "model '%s' is %s%s"
                                    .formatted(
                                            m.get().name(),
                                            m.get().state().name().toLowerCase(Locale.ROOT),
                                            m.get().lastError().map(e -> ": " + e).orElse("")));
        }
        if (core.models().isEmpty()) {
            return Optional.of("no model is served yet");
        }
        return core.ready()
                ? Optional.empty()
                : Optional.of(
                        "not every served model is loaded yet; GET /v2/repository/index shows their states");
    }

    private void invoke(RoutingContext ctx, Optional<String> named) {
        Call call = HttpTransport.call(ctx, Protocol.MLFLOW);
        String model = named.orElse("");
        Frame frame;
        try {
            web.authorize(ctx, Need.PREDICT);
            Body kind = body(ctx.request().getHeader("Content-Type"));
            model = named.orElseGet(this::mlflowModel);
            Signature signature = signature(model, named.isEmpty());
            Buffer buffer = ctx.body().buffer();
            frame =
                    switch (kind) {
                        case JSON ->
                                codec.decode(
                                        web.json().read(buffer, "MLflow scoring request"),
                                        model,
                                        signature);
                        case CSV ->
                                MlflowCsv.read(
                                        buffer == null ? new byte[0] : buffer.getBytes(),
                                        model,
                                        signature);
                    };
        } catch (RuntimeException e) {
            // An unaccepted media type is the client's mistake, not a server fault.
            web.gateway()
                    .failed(
                            call,
                            model,
                            e instanceof HttpFailure h
                                    ? InvalidInputException.of("Content-Type", h.getMessage())
                                    : e);
            fail(ctx, e, call);
            return;
        }
        web.gateway()
                .infer(call, model, OptionalInt.empty(), frame)
                .whenComplete(
                        (r, e) -> {
                            if (e != null) {
                                fail(ctx, e, call);
                                return;
                            }
                            try {
                                web.sendJson(ctx, 200, codec.encode(r));
                            } catch (RuntimeException x) {
                                fail(ctx, x, call);
                            }
                        });
    }

    private void fail(RoutingContext ctx, Throwable e, Call call) {
        Errors.send(ctx.response(), web.json(), Errors.Style.MLFLOW, e, call.requestId());
    }

    /** The kind of body a Content-Type announces; 415 for others. */
    private static Body body(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new HttpFailure(415, "the request has no Content-Type; " + ACCEPTED);
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        Body kind =
                switch (type) {
                    case "application/json" -> Body.JSON;
                    case "text/csv", "application/csv" -> Body.CSV;
                    default ->
                            throw new HttpFailure(
                                    415,
                                    "Content-Type '%s' is not accepted; %s"
                                            .formatted(
                                                    MlflowColumn.abbreviate(contentType),
                                                    ACCEPTED));
                };
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).strip();
            String value = eq < 0 ? "" : p.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!key.equalsIgnoreCase("charset") || !value.equalsIgnoreCase("utf-8")) {
                throw new HttpFailure(
                        415,
                        "Content-Type '%s' is not accepted: the only parameter allowed is charset=utf-8; %s"
                                .formatted(MlflowColumn.abbreviate(contentType), ACCEPTED));
            }
        }
        return kind;
    }

    /** The model {@code /invocations} serves: the one chosen, else the only one served. */
    private String mlflowModel() {
        Optional<String> chosen = web.options().mlflowModel();
        if (chosen.isPresent()) {
            return chosen.get();
        }
        List<String> served = core.models().stream().map(ServedModel::name).toList();
        if (served.size() == 1) {
            return served.getFirst();
        }
        if (served.isEmpty()) {
            throw new UnavailableException(
                    "no model is served yet, so /invocations has nothing to answer with; load one with POST /v2/repository/models/NAME/load",
                    Duration.ofSeconds(1));
        }
        throw InvalidInputException.of(
                "/invocations",
                "this server serves %d models (%s), so /invocations does not know which to use; start the server with --mlflow-model NAME, or POST to /models/NAME/invocations"
                        .formatted(served.size(), String.join(", ", served)));
    }

    private Signature signature(String model, boolean chosen) {
        Optional<ServedModel> m = core.find(model);
        if (m.isEmpty()) {
            throw new NotFoundException(
                    "model",
                    model,
                    chosen
                            ? "model '%s' (chosen with --mlflow-model) is not served here; serve it, or choose one of %s"
                                    .formatted(model, servedNames())
                            : "model '%s' is not served here; the served models are %s; POST to /models/NAME/invocations"
                                    .formatted(model, servedNames()));
        }
        return core.signature(model)
                .orElseThrow(
                        () ->
                                new UnavailableException(
                                        "model '%s' is %s; retry when it is loaded"
                                                .formatted(
                                                        model,
                                                        m.get().state() == ServedModel.State.FAILED
                                                                ? "not loaded: "
                                                                        + m.get()
                                                                                .lastError()
                                                                                .orElse(
                                                                                        "its load failed")
                                                                : "still loading"),
                                        Duration.ofSeconds(1)));
    }

    private String servedNames() {
        List<String> names = core.models().stream().map(ServedModel::name).toList();
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
