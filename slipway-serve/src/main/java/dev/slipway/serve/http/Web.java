package dev.slipway.serve.http;

import dev.slipway.registry.ModelRegistry;
import dev.slipway.serve.core.Authorizer;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.metrics.ServeMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** What every route handler shares. */
record Web(
        Vertx vertx,
        Gateway gateway,
        ModelRegistry registry,
        Json json,
        Authorizer authorizer,
        ServeMetrics metrics,
        HttpOptions options,
        ServerInfo info) {

    /** Refuses the request unless its bearer token allows {@code need}. */
    void authorize(RoutingContext ctx, Authorizer.Need need) {
        if (!authorizer.required()) {
            return;
        }
        String h = ctx.request().getHeader("Authorization");
        Optional<String> token = Optional.empty();
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = Optional.of(h.substring(7).trim());
        }
        authorizer.check(token, need);
    }

    void sendJson(RoutingContext ctx, int status, byte[] body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(body));
    }

    void sendJson(RoutingContext ctx, Object value) {
        sendJson(ctx, 200, json.write(value));
    }

    /**
     * Answers when slow work done off the event loop ends: 200 with its result as JSON, or the
     * error as {@link Errors} maps it.
     */
    void answer(RoutingContext ctx, Future<?> work) {
        answer(ctx, work, result -> sendJson(ctx, result));
    }

    /** Like {@link #answer(RoutingContext, Future)}, with {@code done} sending the success. */
    <T> void answer(RoutingContext ctx, Future<T> work, java.util.function.Consumer<T> done) {
        work.onComplete(
                ar -> {
                    if (ar.failed()) {
                        Errors.send(
                                ctx.response(),
                                json,
                                Errors.Style.OIP,
                                ar.cause(),
                                RequestIds.of(ctx));
                    } else {
                        done.accept(ar.result());
                    }
                });
    }
}
