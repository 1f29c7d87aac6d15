package dev.slipway.serve.http;

import dev.slipway.registry.ModelRegistry;
import dev.slipway.serve.core.Authorizer;
import dev.slipway.serve.core.Gateway;
import dev.slipway.serve.metrics.ServeMetrics;
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
}
