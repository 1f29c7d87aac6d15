package dev.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.AccessDeniedException;
import dev.slipway.api.ConflictException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.SlipwayException;
import dev.slipway.api.StoreException;
import dev.slipway.api.UnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * A client of a running Slipway server's management API ({@code /api/v1}). Every failure becomes
 * the {@link SlipwayException} a local command would throw, so exit codes are the same: 400 is
 * invalid input, 401 and 403 access denied, 404 not found, 409 conflict, 503 (and a server that
 * cannot be reached) unavailable, anything else a failure of the server.
 *
 * <p>HTTPS uses the JVM's trust store. Confined to one command run; close it when done.
 */
final class ServerClient implements AutoCloseable {

    /** Where {@code slipway serve} listens by default. */
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long a read may take. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** How long a change may take: the server loads the new version before it answers. */
    static final Duration WRITE_TIMEOUT = Duration.ofMinutes(10);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;

    private ServerClient(URI base, Optional<String> token) {
        this.base = base;
        this.token = token;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /**
     * A client of the server at {@code url} ({@code http://HOST:PORT}, {@code https://...}, or
     * {@code HOST:PORT} for plain HTTP), sending {@code token} if present, else {@code
     * $SLIPWAY_TOKEN} if set.
     */
    static ServerClient connect(String url, Optional<String> token) {
        Optional<String> secret =
                token.or(() -> Optional.ofNullable(System.getenv("SLIPWAY_TOKEN")))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty());
        return new ServerClient(parseUrl(url), secret);
    }

    static URI parseUrl(String url) {
        String u = url.strip();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw InvalidInputException.of(
                "--server",
                "'%s' is not a server address: give http://HOST:PORT or https://HOST:PORT, e.g. %s"
                        .formatted(url, DEFAULT_URL));
    }

    /** The server's address, as given. */
    String url() {
        return base.toString();
    }

    JsonNode get(String path) {
        return send(path, HttpRequest.newBuilder().GET(), READ_TIMEOUT);
    }

    JsonNode post(String path, JsonNode body) {
        return send(path, HttpRequest.newBuilder().POST(json(body)), WRITE_TIMEOUT);
    }

    JsonNode put(String path, JsonNode body) {
        return send(path, HttpRequest.newBuilder().PUT(json(body)), WRITE_TIMEOUT);
    }

    JsonNode delete(String path) {
        return send(path, HttpRequest.newBuilder().DELETE(), WRITE_TIMEOUT);
    }

    /** {@code name} as one path segment: {@code /} and other reserved characters escaped. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest.BodyPublisher json(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(Output.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private JsonNode send(String path, HttpRequest.Builder request, Duration timeout) {
        URI uri = URI.create(base + path);
        request.uri(uri).timeout(timeout).header("Accept", "application/json");
        request.header("Content-Type", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new UnavailableException(
                    "the server at %s did not accept a connection within %d s: check the address and that 'slipway serve' runs there"
                            .formatted(url(), CONNECT_TIMEOUT.toSeconds()),
                    Duration.ofSeconds(1));
        } catch (HttpTimeoutException e) {
            throw new UnavailableException(
                    "the server at %s did not answer %s within %d s; it may be overloaded or still loading a model: try again"
                            .formatted(url(), path, timeout.toSeconds()),
                    Duration.ofSeconds(1));
        } catch (ConnectException e) {
            throw new UnavailableException(
                    "the server at %s is not reachable (%s): start one with 'slipway serve' (it listens on %s by default), or give its address with --server URL"
                            .formatted(url(), reason(e), DEFAULT_URL),
                    Duration.ofSeconds(1));
        } catch (SSLException e) {
            throw InvalidInputException.of(
                    "--server",
                    "TLS with %s failed (%s): for https the server's certificate must be trusted by the JVM's trust store (add it, or its CA, with keytool), and for a server without TLS use http://"
                            .formatted(url(), reason(e)),
                    e);
        } catch (IOException e) {
            throw new UnavailableException(
                    "the server at %s could not be reached (%s): check the address and that 'slipway serve' runs there"
                            .formatted(url(), reason(e)),
                    Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(
                    "interrupted while waiting for the server at %s".formatted(url()),
                    Duration.ofSeconds(1));
        }
        return answer(
                path,
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Retry-After"));
    }

    /** The body of a successful answer as JSON; a failure as the exception a local run throws. */
    JsonNode answer(String path, int status, String body, Optional<String> retryAfter) {
        Optional<JsonNode> json = parse(body);
        if (status >= 200 && status < 300) {
            return json.orElseThrow(
                    () ->
                            InvalidInputException.of(
                                    "--server",
                                    "%s answered %s with something other than JSON: is it a Slipway server ('slipway serve')?"
                                            .formatted(url(), path)));
        }
        Duration wait = retryAfter.flatMap(ServerClient::seconds).orElse(Duration.ofSeconds(1));
        throw error(path, status, json.map(j -> j.path("error")).filter(JsonNode::isTextual), wait);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private SlipwayException error(
            String path, int status, Optional<JsonNode> error, Duration retryAfter) {
        if (error.isEmpty()) {
            String what =
                    "%s answered %s with HTTP %d and no Slipway error: is it a Slipway server ('slipway serve')?"
                            .formatted(url(), path, status);
            return switch (status) {
                case 404 -> new NotFoundException("server resource", path, what);
                case 502, 503, 504 -> new UnavailableException(what, retryAfter);
                default -> new StoreException(what);
            };
        }
        String message = error.get().asText();
        return switch (status) {
            case 400, 413, 415 -> InvalidInputException.of(url() + path, message);
            case 401 ->
                    new AccessDeniedException(
                            false,
                            message
                                    + "; the command line sends a token given with --token SECRET or $SLIPWAY_TOKEN");
            case 403 -> new AccessDeniedException(true, message);
            case 404 -> new NotFoundException("server resource", path, message);
            case 409 -> new ConflictException(message);
            case 503 -> new UnavailableException(message, retryAfter);
            default ->
                    new StoreException(
                            "the server at %s failed (HTTP %d): %s"
                                    .formatted(url(), status, message));
        };
    }

    private static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Output.JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String reason(IOException e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName()
                : t.getMessage();
    }

    @Override
    public void close() {
        http.close();
    }
}
