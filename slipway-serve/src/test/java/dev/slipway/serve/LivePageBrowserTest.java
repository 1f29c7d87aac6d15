package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The Live page in headless Chromium: the numbers move while predictions arrive. */
class LivePageBrowserTest {

    private static final By ADULT =
            By.cssSelector("[data-testid=live-row][data-model=adult-income]");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static By testid(String id) {
        return By.cssSelector("[data-testid=" + id + "]");
    }

    private static void predict(int requests) {
        String body = OipBodiesAccess.perColumn(AdultRowsAccess.first(2));
        for (int i = 0; i < requests; i++) {
            Reply r = server.post("/v2/models/adult-income/infer", body);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    /** The adult-income row's count of requests; -1 while the table is being redrawn. */
    private static long requests(Browser browser) {
        try {
            WebElement cell = browser.waitFor(ADULT).findElement(testid("live-requests"));
            return Long.parseLong(cell.getAttribute("data-value"));
        } catch (StaleElementReferenceException e) {
            return -1;
        }
    }

    private static String text(Browser browser, String testid) {
        try {
            return browser.waitFor(ADULT).findElement(testid(testid)).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    @Test
    void livePage_predictionsWhileOpen_countGoesUp() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/live"));
            browser.waitFor(testid("live-table"));
            long before =
                    browser.waitUntil(
                            "a request count",
                            d -> requests(browser) >= 0 ? requests(browser) : null);

            predict(6);

            long after =
                    browser.waitUntil(
                            "adult-income's count up by 6",
                            d -> requests(browser) >= before + 6 ? requests(browser) : null);
            assertThat(after).isGreaterThanOrEqualTo(before + 6);
            assertThat(text(browser, "live-p99")).endsWith("ms");
            assertThat(browser.waitFor(testid("live-updated")).getText()).contains("Last updated");
            assertThat(browser.waitFor(testid("live-rps-chart")).isDisplayed()).isTrue();
            browser.screenshot("console-live-laptop");

            browser.resize(Viewport.PHONE);
            assertThat(browser.waitFor(testid("live-table")).isDisplayed()).isTrue();
            assertThat(
                            ((JavascriptExecutor) browser.driver())
                                    .executeScript(
                                            "return document.documentElement.scrollWidth <= 390"))
                    .isEqualTo(true);
            browser.screenshot("console-live-phone");
        }
    }

    @Test
    void pauseThenResume_resumedPageCatchesUp() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/live"));
            long before =
                    browser.waitUntil(
                            "a request count",
                            d -> requests(browser) >= 0 ? requests(browser) : null);
            WebElement pause = browser.waitFor(testid("live-pause"));

            pause.click();
            assertThat(pause.getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(pause.getText()).isEqualTo("Resume");
            predict(3);
            pause.click();

            assertThat(pause.getAttribute("aria-pressed")).isEqualTo("false");
            browser.waitUntil(
                    "adult-income's count up by 3 after resuming",
                    d -> requests(browser) >= before + 3);
        }
    }
}
