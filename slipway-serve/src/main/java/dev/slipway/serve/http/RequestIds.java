package dev.slipway.serve.http;

import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Request ids: the client's {@code X-Request-Id} when it sent a sensible one, else one made here (a
 * random per-process prefix and a counter, unique across replicas in practice).
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "slipway.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    RequestIds() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        prefix = HexFormat.of().formatHex(b) + "-";
    }

    /** Takes or makes the request's id, stores it on the context and sets the response header. */
    String assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id =
                given != null && SAFE.matcher(given).matches()
                        ? given
                        : prefix + Long.toHexString(counter.incrementAndGet());
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        return id;
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "" : id;
    }
}
