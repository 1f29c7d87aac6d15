package dev.slipway.serve.http;

import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Request ids: the client's {@code X-Request-Id} when it sent a sensible one, else a new one from
 * the gateway.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "slipway.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final Supplier<String> fresh;

    /** Ids that {@code fresh} makes for requests that bring none. */
    RequestIds(Supplier<String> fresh) {
        this.fresh = fresh;
    }

    /** Takes or makes the request's id, stores it on the context and sets the response header. */
    String assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : fresh.get();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        return id;
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "" : id;
    }
}
