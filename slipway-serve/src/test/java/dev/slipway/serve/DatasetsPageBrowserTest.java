package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's Datasets page in a real browser (headless Chromium, see {@link Browser}): from the
 * list of datasets to the Adult data's version, with its schema, a histogram of {@code age}, the
 * top values of {@code workclass}, the validation and the first rows, at a laptop's and a phone's
 * width, with screenshots in the build folder's {@code screenshots/}.
 */
class DatasetsPageBrowserTest {

    private static final By DATASETS = By.cssSelector("[data-testid=datasets-table]");
    private static final By NAMES =
            By.cssSelector("[data-testid=dataset-row] [data-testid=dataset-name]");
    private static final By VERSIONS = By.cssSelector("[data-testid=versions-table]");
    private static final By SCHEMA = By.cssSelector("[data-testid=schema-table]");
    private static final By PROFILES = By.cssSelector("[data-testid=column-profile]");
    private static final By PREVIEW = By.cssSelector("[data-testid=rows-preview]");
    private static final By VALIDATED =
            By.cssSelector("[data-testid=validation-results][data-state=passed]");

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
    void datasetsPage_followedToAdultsVersion_showsSchemaProfileValidationAndRows() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/datasets"));
            browser.waitFor(DATASETS);
            WebElement adult =
                    browser.waitUntil(
                            "a dataset-row whose dataset-name is adult",
                            driver ->
                                    driver.findElements(NAMES).stream()
                                            .filter(e -> e.getText().equals("adult"))
                                            .findFirst()
                                            .orElse(null));
            browser.screenshot("console-datasets-laptop");

            adult.click();
            browser.waitFor(VERSIONS)
                    .findElement(By.cssSelector("[data-testid=version-link]"))
                    .click();
            WebElement schema = browser.waitFor(SCHEMA);

            assertThat(firstCells(schema))
                    .startsWith("age", "workclass")
                    .contains("income")
                    .hasSize(15);
            assertThat(browser.driver().findElements(PROFILES)).hasSize(15);
            assertThat(browser.waitFor(PREVIEW).findElements(By.cssSelector("tbody tr")))
                    .hasSize(20);

            schema.findElement(By.linkText("age")).click();
            WebElement age = profile(browser, "age");
            WebElement histogram = age.findElement(By.cssSelector("[data-testid=histogram]"));
            assertThat(histogram.isDisplayed()).isTrue();
            assertThat(histogram.findElements(By.cssSelector("svg rect.series-0"))).hasSize(20);

            schema.findElement(By.linkText("workclass")).click();
            WebElement workclass = profile(browser, "workclass");
            WebElement top = workclass.findElement(By.cssSelector("[data-testid=top-values]"));
            assertThat(top.isDisplayed()).isTrue();
            assertThat(top.findElement(By.tagName("svg")).getAttribute("aria-label"))
                    .contains("Private");
            assertThat(workclass.findElements(By.cssSelector("[data-testid=histogram]"))).isEmpty();

            WebElement validation = browser.waitFor(VALIDATED);
            assertThat(validation.findElement(By.cssSelector(".state-good")).getText())
                    .contains("Passed", "0 errors");
            scrollTo(browser.driver(), age);
            browser.screenshot("console-dataset-laptop");

            browser.resize(Viewport.PHONE);
            assertThat(browser.waitFor(SCHEMA).isDisplayed()).isTrue();
            assertThat(pageWidth(browser.driver())).isLessThanOrEqualTo(Viewport.PHONE.width());
            browser.driver().findElement(By.linkText("age")).click();
            assertThat(
                            profile(browser, "age")
                                    .findElement(By.cssSelector("[data-testid=histogram]"))
                                    .isDisplayed())
                    .isTrue();
            browser.screenshot("console-dataset-phone");
        }
    }

    /** The open column-profile of {@code column}, once it is shown. */
    private static WebElement profile(Browser browser, String column) {
        return browser.waitUntil(
                "the profile of " + column + " open",
                driver -> {
                    WebElement p =
                            driver.findElement(
                                    By.cssSelector(
                                            "[data-testid=column-profile][data-column='"
                                                    + column
                                                    + "']"));
                    return p.getAttribute("open") != null ? p : null;
                });
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
    }

    private static List<String> firstCells(WebElement table) {
        return table.findElements(By.cssSelector("tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /**
     * How wide the page is laid out, in CSS pixels: wider than the window means sideways scrolling.
     */
    private static long pageWidth(WebDriver driver) {
        return ((Number)
                        ((JavascriptExecutor) driver)
                                .executeScript("return document.documentElement.scrollWidth;"))
                .longValue();
    }
}
