package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web console in a real browser (headless Chromium, see {@link Browser}): the models page of a
 * server on the test home, at a laptop's and a phone's width, with screenshots in the build
 * folder's {@code screenshots/}.
 */
class ConsoleBrowserTest {

    private static final By TABLE = By.cssSelector("[data-testid=models-table]");
    private static final By NAMES =
            By.cssSelector("[data-testid=model-row] [data-testid=model-name]");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void modelsPage_laptopAndPhone_listsAdultIncome() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/models"));
            browser.waitFor(TABLE);
            List<String> names =
                    browser.waitUntil(
                            "a model-row whose model-name is adult-income",
                            driver -> {
                                List<String> shown = names(driver);
                                return shown.contains("adult-income") ? shown : null;
                            });

            assertThat(names).contains("adult-income");
            browser.screenshot("console-models-laptop");

            browser.resize(Viewport.PHONE);
            assertThat(browser.waitFor(TABLE).isDisplayed()).isTrue();
            assertThat(names(browser.driver())).contains("adult-income");
            browser.screenshot("console-models-phone");
        }
    }

    @Test
    void keyboardOnly_skipLinkNavigationAndPlayground_predictsARow() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/models"));
            browser.waitFor(TABLE);

            assertThat(tab(browser).getText()).isEqualTo("Skip to content");
            WebElement playground = tabUntil(browser, "Playground");
            assertThat(playground.getAttribute("href")).endsWith("#/playground");
            playground.sendKeys(Keys.ENTER);
            browser.waitFor(By.cssSelector("[data-testid=playground-models]"));

            // The page's first link after the navigation is a model to try.
            WebElement model = tabUntil(browser, "adult-income");
            model.sendKeys(Keys.ENTER);
            browser.waitFor(By.cssSelector("[data-testid=playground-form]"));

            WebElement predict = tabUntil(browser, "Predict");
            predict.sendKeys(Keys.ENTER);
            String prediction =
                    browser.waitFor(By.cssSelector("[data-testid=prediction]")).getText();

            assertThat(prediction).containsAnyOf("<=50K", ">50K");
        }
    }

    /** Presses Tab once and returns the element that has the focus then. */
    private static WebElement tab(Browser browser) {
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        return browser.driver().switchTo().activeElement();
    }

    /** Presses Tab until the focused element's text is {@code text} (at most 80 times). */
    private static WebElement tabUntil(Browser browser, String text) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = tab(browser);
            if (focused.getText().trim().equals(text)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached an element reading '" + text + "'");
    }

    private static List<String> names(WebDriver driver) {
        return driver.findElements(NAMES).stream().map(WebElement::getText).toList();
    }
}
