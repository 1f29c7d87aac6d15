package dev.slipway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.testkit.Browser.Viewport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.WebElement;

class BrowserTest {

    /** A table that a script fills after a delay, as a single-page app does after a fetch. */
    private static final String PAGE =
            """
            <!doctype html>
            <html><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>fixture</title></head>
            <body><h1>Models</h1><div id="slot"></div>
            <script>
              setTimeout(() => {
                document.getElementById('slot').innerHTML =
                  '<table data-testid="models-table"><tr data-testid="model-row">'
                  + '<td data-testid="model-name">adult-income</td></tr>'
                  + '<tr data-testid="model-row"><td data-testid="model-name">churn</td></tr></table>';
              }, 300);
            </script></body></html>
            """;

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/#/models";
    }

    @Test
    void waitFor_tableFilledByScript_findsRowsOnceTheyAppear() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(url());

            browser.waitFor(By.cssSelector("[data-testid=models-table]"));

            assertThat(browser.waitForAll(By.cssSelector("[data-testid=model-name]")))
                    .extracting(WebElement::getText)
                    .containsExactly("adult-income", "churn");
        }
    }

    @Test
    void screenshot_laptopThenPhone_writesPngsOfEachViewport() throws IOException {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(url());
            browser.waitFor(By.cssSelector("[data-testid=models-table]"));

            Path laptop = browser.screenshot("browser-fixture-laptop");
            Path phone = browser.resize(Viewport.PHONE).screenshot("browser-fixture-phone");

            assertThat(laptop)
                    .isEqualTo(
                            Browser.buildFolder()
                                    .resolve("screenshots/browser-fixture-laptop.png"));
            assertThat(pngSize(laptop))
                    .containsExactly(Viewport.LAPTOP.width(), Viewport.LAPTOP.height());
            assertThat(pngSize(phone))
                    .containsExactly(Viewport.PHONE.width(), Viewport.PHONE.height());
        }
    }

    @Test
    void close_quitsTheBrowser() {
        Browser browser = Browser.open(Viewport.PHONE);
        browser.get(url());

        browser.close();

        assertThatThrownBy(() -> browser.driver().getWindowHandles())
                .isInstanceOf(NoSuchSessionException.class);
    }

    @Test
    void screenshot_nameWithSlash_isRejected() {
        try (Browser browser = Browser.open(Viewport.PHONE)) {
            assertThatThrownBy(() -> browser.screenshot("../escape"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'../escape'");
        }
    }

    @Test
    void buildFolder_underSurefire_isTheParentOfTestClasses() {
        assertThat(Browser.buildFolder().resolve("test-classes")).isDirectory();
    }

    /** Width and height in the PNG header: the signature, then the IHDR chunk with both. */
    private static int[] pngSize(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }
}
