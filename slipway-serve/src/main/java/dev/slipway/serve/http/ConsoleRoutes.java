package dev.slipway.serve.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's static files: the page at {@code /}, its scripts and styles under {@code
 * /console/}, and WebJars under {@code /webjars/}, all read from the class path. They need no
 * token; the API calls the page makes do.
 */
final class ConsoleRoutes {

    static final String CONSOLE = "dev/slipway/console/";
    static final String WEBJARS = "META-INF/resources/webjars/";

    /** Path segments of letters, digits, dots, dashes and underscores; no "..", no empty ones. */
    private static final Pattern SAFE =
            Pattern.compile("(?:[A-Za-z0-9_@-][A-Za-z0-9._@-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** The console runs only its own files and talks only to this server. */
    static final String POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                    + " form-action 'self'; frame-ancestors 'none'";

    private static final Map<String, String> TYPES =
            Map.ofEntries(
                    Map.entry("html", "text/html; charset=utf-8"),
                    Map.entry("js", "text/javascript; charset=utf-8"),
                    Map.entry("mjs", "text/javascript; charset=utf-8"),
                    Map.entry("css", "text/css; charset=utf-8"),
                    Map.entry("json", "application/json"),
                    Map.entry("map", "application/json"),
                    Map.entry("svg", "image/svg+xml"),
                    Map.entry("png", "image/png"),
                    Map.entry("ico", "image/x-icon"),
                    Map.entry("woff2", "font/woff2"),
                    Map.entry("txt", "text/plain; charset=utf-8"));

    /** A file read once from the class path, with its validator. */
    private record Asset(Buffer body, String type, String etag) {}

    private final ClassLoader loader = ConsoleRoutes.class.getClassLoader();
    // Only files that exist are kept, so requests for missing ones cannot grow the cache.
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    void mount(Router router) {
        router.get("/").handler(ctx -> send(ctx, CONSOLE + "index.html", "no-cache"));
        router.get("/console/*").handler(ctx -> serve(ctx, "/console/", CONSOLE, "no-cache"));
        // A WebJar's path names its version, so a file under it never changes.
        router.get("/webjars/*")
                .handler(
                        ctx ->
                                serve(
                                        ctx,
                                        "/webjars/",
                                        WEBJARS,
                                        "public, max-age=31536000, immutable"));
    }

    private void serve(RoutingContext ctx, String prefix, String root, String caching) {
        String path = ctx.normalizedPath();
        String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        if (!path.startsWith(prefix) || !SAFE.matcher(rest).matches()) {
            ctx.fail(missing(ctx));
            return;
        }
        send(ctx, root + rest, caching);
    }

    private void send(RoutingContext ctx, String resource, String caching) {
        Optional<Asset> found = Optional.ofNullable(cache.get(resource)).or(() -> load(resource));
        found.ifPresent(a -> cache.putIfAbsent(resource, a));
        if (found.isEmpty()) {
            ctx.fail(missing(ctx));
            return;
        }
        Asset a = found.get();
        var response =
                ctx.response()
                        .putHeader("Cache-Control", caching)
                        .putHeader("ETag", a.etag())
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Content-Security-Policy", POLICY);
        String match = ctx.request().getHeader("If-None-Match");
        if (match != null && match.contains(a.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("Content-Type", a.type()).end(a.body());
    }

    private static HttpFailure missing(RoutingContext ctx) {
        return new HttpFailure(
                404,
                "no console file %s; the console starts at / and reads the API under /api/v1"
                        .formatted(ctx.request().path()));
    }

    private Optional<Asset> load(String resource) {
        int dot = resource.lastIndexOf('.');
        String type =
                dot < 0 ? null : TYPES.get(resource.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag =
                    "\""
                            + HexFormat.of()
                                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                                    .substring(0, 32)
                            + "\"";
            return Optional.of(new Asset(Buffer.buffer(bytes), type, etag));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
