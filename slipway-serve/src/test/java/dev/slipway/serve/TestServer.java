package dev.slipway.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.grpc.GrpcOptions;
import dev.slipway.serve.http.HttpOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A real server on free ports over a copy of the test home, with an HTTP client for it. */
public final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final ServeHome home;
    public final SlipwayServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestServer(ServeHome home, SlipwayServer server) {
        this.home = home;
        this.server = server;
    }

    /** A server on a fresh copy of the test home with {@code config}'s settings on free ports. */
    public static TestServer start(ServerConfig config) {
        ServeHome home = ServeHome.copy();
        return start(home, config);
    }

    /** A server on {@code home}. */
    public static TestServer start(ServeHome home, ServerConfig config) {
        ServerConfig c =
                config.withHttp(config.http().withAddress("127.0.0.1", 0))
                        .withGrpc(config.grpc().map(g -> g.withAddress("127.0.0.1", 0)))
                        .withVersion("test");
        return new TestServer(
                home, SlipwayServer.start(home.home(), home.registry(), c, Clock.systemUTC()));
    }

    /** The defaults, with alias polling off (tests refresh explicitly). */
    public static ServerConfig config() {
        return ServerConfig.defaults()
                .withCore(CoreOptions.defaults().withPollInterval(Duration.ZERO))
                .withHttp(HttpOptions.defaults().withEventLoops(2))
                .withGrpc(Optional.of(GrpcOptions.defaults()));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.httpPort() + path;
    }

    /** One response: status, headers and body. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    public Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    public Reply post(String path, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"),
                headers);
    }

    public Reply put(String path, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"),
                headers);
    }

    public Reply send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        home.close();
    }
}
