package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's Monitoring page in headless Chromium where there is little to show: a model with no
 * traffic says how to get some, a model with traffic but no labels says how to add them, and the
 * period is chosen with the keyboard. (The page on a home with drift, labels and alerts is checked
 * by the CLI's browser test on a quickstart home.)
 */
class MonitoringPageEmptyBrowserTest {

    private static final int ROWS = 20;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
        Reply r =
                server.post(
                        "/v2/models/adult-income/infer",
                        OipBodiesAccess.perColumn(AdultRowsAccess.first(ROWS)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        server.server.predictionLog().orElseThrow().flush();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void modelWithoutTraffic_saysHowToSendSome() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/monitoring"));
            List<String> models =
                    browser.waitForAll(By.cssSelector("[data-testid=monitoring-model]")).stream()
                            .map(WebElement::getText)
                            .toList();
            assertThat(models).contains("adult-income", "iris");

            browser.get(server.url("/#/monitoring/iris"));
            WebElement notice = browser.waitFor(By.cssSelector(".notice"));
            assertThat(notice.getText())
                    .contains("No traffic logged yet for iris")
                    .contains("slipway quickstart");
        }
    }

    @Test
    void modelWithTrafficButNoLabels_showsDriftAndSaysHowToAddLabels() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/monitoring/adult-income"));
            assertThat(browser.waitForAll(By.cssSelector("[data-testid=drift-row]"))).hasSize(14);
            WebElement performance =
                    browser.waitUntil(
                            "the performance section saying there are no labels",
                            d -> {
                                WebElement s =
                                        d.findElement(By.cssSelector("[data-section=performance]"));
                                return s.getText().contains("No labels yet") ? s : null;
                            });
            assertThat(performance.getText()).contains("/api/v1/models/adult-income/labels");
            WebElement alerts =
                    browser.waitUntil(
                            "the alerts section saying there are none",
                            d -> {
                                WebElement s =
                                        d.findElement(By.cssSelector("[data-section=alerts]"));
                                return s.getText().contains("No alert") ? s : null;
                            });
            assertThat(alerts.getText()).contains("--alert-rules");

            // The period, window and reference, chosen with the keyboard, go into the address.
            new Select(browser.driver().findElement(By.id("mon-period"))).selectByValue("24h");
            new Select(browser.driver().findElement(By.id("mon-window"))).selectByValue("1h");
            browser.driver().findElement(By.id("mon-reference")).sendKeys("adult_test", Keys.ENTER);
            browser.waitUntil(
                    "the address of the last 24 hours by hour against adult_test",
                    d -> d.getCurrentUrl().endsWith("#/monitoring/adult-income/24h/1h/adult_test"));
            browser.waitUntil(
                    "the reference adult_test",
                    d ->
                            d.findElement(By.cssSelector("dl.facts"))
                                    .getText()
                                    .contains("dataset adult_test@"));
            browser.waitUntil(
                    "drift over time per window of 1 hour",
                    d ->
                            d.findElement(By.cssSelector("[data-testid=drift-over-time]"))
                                    .getText()
                                    .contains("per window of 1 hour"));
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid=drift-row]")))
                    .hasSize(14);
        }
    }
}
