package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web console's files at / on a server that requires tokens for its API. */
class ConsoleTest {

    private static TestServer server;
    private static String predict;

    @BeforeAll
    static void start() {
        ServeHome home = ServeHome.copy();
        Tokens tokens = new Tokens(home.home(), Clock.systemUTC(), new SecureRandom());
        predict = tokens.create("console", Set.of(Scope.PREDICT)).secret();
        server =
                TestServer.start(
                        home, TestServer.config().withTokens(ServerConfig.TokenMode.REQUIRED));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void root_withoutToken_isTheConsolePageWithItsModuleScript() {
        Reply r = server.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.header("Cache-Control")).hasValue("no-cache");
        assertThat(r.header("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'");
        assertThat(r.body())
                .contains("<script type=\"module\" src=\"/console/app.js\"></script>")
                .contains("href=\"/console/console.css\"");
    }

    @Test
    void script_withoutToken_isJavaScriptThatRoutesToEveryPage() {
        Reply r = server.get("/console/app.js");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(r.header("ETag")).isPresent();
        assertThat(r.body())
                .contains(
                        "\"models\"",
                        "\"runs\"",
                        "\"datasets\"",
                        "\"playground\"",
                        "\"monitoring\"",
                        "\"live\"")
                .doesNotContain("innerHTML");
    }

    @Test
    void pageModule_withoutToken_isJavaScriptWithTheTestIdsOfTheModelsTable() {
        Reply r = server.get("/console/pages/models.js");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(r.body())
                .contains("\"models-table\"", "\"model-row\"", "\"model-name\"")
                .doesNotContain("innerHTML");
    }

    @Test
    void stylesheet_withoutToken_isCss() {
        Reply r = server.get("/console/console.css");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void asset_sameEtag_is304() {
        String etag = server.get("/console/console.css").header("ETag").orElseThrow();
        Reply r = server.get("/console/console.css", "If-None-Match", etag);
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void webjar_withoutToken_isServedFromTheClassPathAndCachedForGood() {
        Reply r = server.get("/webjars/console-test/1.0.0/probe.js");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(r.header("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(r.body()).contains("export const probe");
    }

    @Test
    void asset_missing_is404WithTheErrorBody() {
        Reply r = server.get("/console/nope.js");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).hasValue("application/json");
        assertThat(r.json().get("error").asText()).contains("/console/nope.js");
    }

    @Test
    void asset_outsideTheConsoleFolder_is404() {
        assertThat(server.get("/console/../dev/slipway/console/app.js").status()).isEqualTo(404);
        assertThat(server.get("/console/%2e%2e/%2e%2e/META-INF/MANIFEST.MF").status())
                .isEqualTo(404);
        assertThat(server.get("/webjars/../../dev/slipway/console/index.html").status())
                .isEqualTo(404);
    }

    @Test
    void asset_directory_is404() {
        assertThat(server.get("/console/").status()).isEqualTo(404);
        assertThat(server.get("/webjars/console-test/1.0.0").status()).isEqualTo(404);
    }

    @Test
    void api_withoutToken_stillNeedsOne() {
        assertThat(server.get("/api/v1/models").status()).isEqualTo(401);
        Reply r = server.get("/api/v1/models", "Authorization", "Bearer " + predict);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get(0).get("name").asText()).isEqualTo("adult-income");
    }
}
