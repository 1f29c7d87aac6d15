package dev.slipway.testkit;

import dev.slipway.testkit.Browser.Viewport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openqa.selenium.json.Json;

/**
 * A headless Firefox driven over WebDriver BiDi, the W3C protocol Firefox speaks natively (no
 * geckodriver, which Debian does not package): for checking that the web console works in Firefox
 * too. Closing it ends the session and the browser.
 *
 * <p>It runs Debian's {@value #FIREFOX} (package firefox-esr, which {@code .ci/run} installs) with
 * a fresh profile that turns off Firefox's own network traffic. When Firefox is missing the test is
 * skipped with the reason printed, except under CI ({@code CI=true}) where it fails. Screenshots go
 * to {@code screenshots/} in the module's build folder, like {@link Browser}'s. Not thread-safe;
 * one per test.
 */
public final class Firefox implements AutoCloseable {

    /** Debian's Firefox ESR. */
    public static final String FIREFOX = "/usr/bin/firefox-esr";

    /** How long a command, a page load or {@link #waitFor} may take before the test fails. */
    public static final Duration WAIT = Browser.WAIT;

    /** Profile preferences that keep Firefox off the network and out of the way of tests. */
    private static final List<String> PREFS =
            List.of(
                    "user_pref(\"app.update.disabledForTesting\", true);",
                    "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
                    "user_pref(\"browser.startup.homepage_override.mstone\", \"ignore\");",
                    "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
                    "user_pref(\"toolkit.telemetry.enabled\", false);",
                    "user_pref(\"network.connectivity-service.enabled\", false);",
                    "user_pref(\"network.captive-portal-service.enabled\", false);",
                    "user_pref(\"services.settings.server\", \"http://127.0.0.1:9/\");",
                    "user_pref(\"extensions.update.enabled\", false);",
                    "user_pref(\"browser.safebrowsing.update.enabled\", false);",
                    "user_pref(\"remote.prefs.recommended\", true);");

    private static final Json JSON = new Json();

    private final Process process;
    private final Path profile;
    private final Path screenshots;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending =
            new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String context;
    private boolean closed;

    private Firefox(Process process, Path profile, Path screenshots, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.screenshots = screenshots;
        this.socket = connect(endpoint);
        command("session.new", Map.of("capabilities", Map.of()));
        Map<String, Object> tree = command("browsingContext.getTree", Map.of());
        List<?> contexts = (List<?>) tree.get("contexts");
        this.context = (String) ((Map<?, ?>) contexts.get(0)).get("context");
    }

    /**
     * Starts a headless Firefox whose page has the viewport's size; skips the calling test (or
     * fails it under CI) when Firefox is not installed.
     */
    public static Firefox open(Viewport viewport) {
        requireInstalled();
        Path buildFolder = Browser.buildFolder();
        Path profile;
        int port = freePort();
        Process process;
        try {
            Files.createDirectories(buildFolder);
            profile = Files.createTempDirectory(buildFolder, "firefox-profile-");
            Files.write(profile.resolve("user.js"), PREFS);
            process =
                    new ProcessBuilder(
                                    FIREFOX,
                                    "--headless",
                                    "--no-remote",
                                    "--profile",
                                    profile.toString(),
                                    "--remote-debugging-port=" + port,
                                    "about:blank")
                            .redirectErrorStream(true)
                            .redirectOutput(buildFolder.resolve("firefox.log").toFile())
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + FIREFOX, e);
        }
        URI endpoint = URI.create("ws://127.0.0.1:" + port + "/session");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                Firefox firefox =
                        new Firefox(process, profile, buildFolder.resolve("screenshots"), endpoint);
                return firefox.resize(viewport);
            } catch (RuntimeException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "Firefox did not accept a WebDriver BiDi session at "
                                    + endpoint
                                    + " (see "
                                    + buildFolder.resolve("firefox.log")
                                    + ")",
                            e);
                }
                sleep(200);
            }
        }
    }

    /** Loads the URL and returns once the document has loaded (scripts may still be running). */
    public Firefox get(String url) {
        command(
                "browsingContext.navigate",
                Map.of("context", context, "url", url, "wait", "complete"));
        return this;
    }

    /** Gives the page exactly the viewport's size. */
    public Firefox resize(Viewport viewport) {
        command(
                "browsingContext.setViewport",
                Map.of(
                        "context",
                        context,
                        "viewport",
                        Map.of("width", viewport.width(), "height", viewport.height())));
        return this;
    }

    /**
     * Evaluates a JavaScript expression in the page (promises are awaited) and returns its value as
     * a string, or null when it is null or undefined; fails the test when it throws.
     */
    public String eval(String expression) {
        Map<String, Object> result =
                command(
                        "script.evaluate",
                        Map.of(
                                "expression",
                                expression,
                                "target",
                                Map.of("context", context),
                                "awaitPromise",
                                true));
        if ("exception".equals(result.get("type"))) {
            Map<?, ?> details = (Map<?, ?>) result.get("exceptionDetails");
            throw new AssertionError(
                    "the page threw on '" + expression + "': " + details.get("text"));
        }
        Map<?, ?> value = (Map<?, ?>) result.get("result");
        Object v = value == null ? null : value.get("value");
        return v == null ? null : String.valueOf(v);
    }

    /**
     * Waits up to {@link #WAIT} until an element matching the CSS selector is shown (it has a
     * size), and returns its text; fails with the selector and the page's URL when none appears.
     */
    public String waitFor(String css) {
        String quoted = JSON.toJson(css);
        String probe =
                "(() => { const e = document.querySelector("
                        + quoted
                        + "); return e && e.getClientRects().length > 0 ? e.innerText : null; })()";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String text = eval(probe);
            if (text != null) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no visible " + css + " on " + eval("location.href") + " in Firefox");
            }
            sleep(100);
        }
    }

    /**
     * Saves a PNG of the visible page as {@code screenshots/NAME.png} in the build folder and
     * returns its path; the name is letters, digits, dots, dashes and underscores.
     */
    public Path screenshot(String name) {
        return Browser.saveScreenshot(
                screenshots,
                name,
                () -> {
                    Map<String, Object> result =
                            command(
                                    "browsingContext.captureScreenshot",
                                    Map.of("context", context));
                    return Base64.getDecoder().decode((String) result.get("data"));
                });
    }

    /** Ends the session, stops Firefox and deletes its profile. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            command("session.end", Map.of());
        } catch (RuntimeException | AssertionError e) {
            // Firefox may already be gone; it is stopped below either way.
        }
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile left in the build folder does no harm.
        }
    }

    private Map<String, Object> command(String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        try {
            socket.sendText(JSON.toJson(message), true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Object> answer = reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if ("error".equals(answer.get("type"))) {
                throw new IllegalStateException(
                        "Firefox refused "
                                + method
                                + ": "
                                + answer.get("error")
                                + ": "
                                + answer.get("message"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) answer.get("result");
            return result == null ? Map.of() : result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Firefox did not answer " + method + " in " + WAIT, e);
        } finally {
            pending.remove(id);
        }
    }

    private WebSocket connect(URI endpoint) {
        try {
            return HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(endpoint, new Replies())
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + endpoint, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to " + endpoint, e);
        }
    }

    /** Completes the pending command each reply answers; events (no id) are ignored. */
    private final class Replies implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                Map<String, Object> message = JSON.toType(text.toString(), Map.class);
                text.setLength(0);
                Object id = message.get("id");
                if (id instanceof Number n) {
                    CompletableFuture<Map<String, Object>> reply = pending.get(n.longValue());
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for Firefox", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void requireInstalled() {
        if (Files.isExecutable(Path.of(FIREFOX))) {
            return;
        }
        Browser.skipOrFail(
                "the Firefox tests need Debian's Firefox ESR ("
                        + FIREFOX
                        + "), which is missing; install it with"
                        + " 'apt-get install -y firefox-esr' (.ci/run does)");
    }
}
