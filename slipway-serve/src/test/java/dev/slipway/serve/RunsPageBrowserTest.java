package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import dev.slipway.train.Holdout;
import dev.slipway.train.SearchSpace;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.Training;
import dev.slipway.train.TrainingListener;
import dev.slipway.train.TuneSpec;
import dev.slipway.train.TuningResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's Runs page in headless Chromium on a server over the test home (two trainings of
 * adult-income that differ in num_round, one of adult-strict) plus a small tuning: sorting by a
 * metric with the mouse and the keyboard, comparing two runs, a run's own page, and the phone
 * width. Screenshots land in the build folder's {@code screenshots/}.
 */
class RunsPageBrowserTest {

    private static final By TABLE = By.cssSelector("[data-testid=runs-table]");
    private static final By ROWS = By.cssSelector("[data-testid=run-row]");
    private static final By AUC_HEADER = By.cssSelector("th[data-sort-key='metric:auc']");
    private static final By AUC_SORT = By.cssSelector("[data-testid='sort-metric:auc']");
    private static final By COMPARE = By.cssSelector("[data-testid=compare-button]");
    private static final By COMPARE_TABLE = By.cssSelector("[data-testid=compare-table]");
    private static final By DIFFERS = By.cssSelector("[data-testid=compare-row-differs]");

    private static TestServer server;
    private static TuningResult tuning;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
        Training training =
                new Training(server.home.datasets(), server.home.registry(), Clock.systemUTC(), 2);
        tuning =
                training.tune(
                        new TuneSpec(
                                TrainSpec.of(DatasetRef.latest("adult"), "income")
                                        .withHoldout(
                                                new Holdout.TestSet(
                                                        DatasetRef.latest("adult_test")))
                                        .withModelName("adult-tuned"),
                                new SearchSpace(
                                        "depths",
                                        Map.of(
                                                "max_depth",
                                                new SearchSpace.Dimension.Values(
                                                        List.of("2", "4", "6")))),
                                TuneSpec.Strategy.GRID,
                                3,
                                2,
                                3,
                                8),
                        TrainingListener.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The id of the run that registered {@code ref}, from the API. */
    private static String runOf(String ref) {
        for (JsonNode run : server.get("/api/v1/runs").json()) {
            if (run.path("model").path("ref").asText().equals(ref)) {
                return run.get("id").asText();
            }
        }
        throw new AssertionError("no run registered " + ref);
    }

    @Test
    void runsPage_sortByAucThenCompareTwo_marksTheLinesThatDiffer() {
        String first = runOf("adult-income/1");
        String second = runOf("adult-income/2");
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/runs"));
            browser.waitFor(TABLE);
            browser.waitUntil("four run-rows", d -> d.findElements(ROWS).size() == 4);
            assertThat(browser.driver().findElement(AUC_HEADER).getAttribute("aria-sort"))
                    .isEqualTo("none");

            browser.waitFor(AUC_SORT).click();

            assertThat(browser.driver().findElement(AUC_HEADER).getAttribute("aria-sort"))
                    .isEqualTo("descending");
            assertThat(aucs(browser.driver())).isSortedAccordingTo(Comparator.reverseOrder());

            browser.driver().findElement(AUC_SORT).sendKeys(Keys.ENTER);

            assertThat(browser.driver().findElement(AUC_HEADER).getAttribute("aria-sort"))
                    .isEqualTo("ascending");
            assertThat(aucs(browser.driver())).isSorted();

            browser.driver().findElement(AUC_SORT).sendKeys(Keys.SPACE);
            assertThat(browser.driver().findElement(AUC_HEADER).getAttribute("aria-sort"))
                    .isEqualTo("descending");

            WebElement compare = browser.driver().findElement(COMPARE);
            assertThat(compare.isEnabled()).isFalse();
            select(browser.driver(), first);
            assertThat(compare.isEnabled()).isFalse();
            select(browser.driver(), second);
            assertThat(compare.isEnabled()).isTrue();
            browser.screenshot("console-runs-laptop");

            compare.click();

            browser.waitFor(COMPARE_TABLE);
            assertThat(browser.driver().getCurrentUrl())
                    .endsWith("#/runs/compare/" + second + "," + first);
            WebElement rounds =
                    browser.waitFor(
                            By.cssSelector(
                                    "[data-testid=compare-row-differs][data-line='param:num_round']"));
            assertThat(rounds.getAttribute("class")).contains("highlight");
            assertThat(rounds.getText()).contains("differs").contains("20").contains("30");
            List<String> differing =
                    browser.driver().findElements(DIFFERS).stream()
                            .map(e -> e.getAttribute("data-line"))
                            .toList();
            assertThat(differing).contains("param:num_round", "metric:auc");
            assertThat(differing).doesNotContain("run:target", "param:eta");
            WebElement target =
                    browser.driver().findElement(By.cssSelector("[data-line='run:target']"));
            assertThat(target.getAttribute("class")).doesNotContain("highlight");
            assertThat(target.getText()).doesNotContain("differs");
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid=compare-chart]")))
                    .isNotEmpty();
            browser.screenshot("console-runs-compare-laptop");
        }
    }

    @Test
    void runPage_tuning_showsFactsMetricsHistoryAndTrials() {
        String id = tuning.run().id();
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/runs"));
            browser.waitFor(TABLE);
            browser.waitFor(By.cssSelector("[data-run='" + id + "'] [data-testid=run-id]")).click();

            WebElement title = browser.waitFor(By.cssSelector("[data-testid=run-title]"));

            assertThat(title.getText()).contains(id);
            assertThat(browser.driver().getCurrentUrl()).endsWith("#/runs/" + id);
            assertThat(browser.waitFor(By.cssSelector("[data-testid=metrics-chart]")).getText())
                    .contains("auc");
            WebElement history = browser.waitFor(By.cssSelector("[data-testid=history-chart]"));
            assertThat(history.getText()).contains("per trial");
            assertThat(
                            browser.driver()
                                    .findElements(
                                            By.cssSelector(
                                                    "[data-testid=history-chart] path.line")))
                    .hasSize(2);
            assertThat(
                            browser.driver()
                                    .findElements(
                                            By.cssSelector("[data-testid=trials-table] tbody tr")))
                    .hasSize(3);
            assertThat(
                            browser.driver()
                                    .findElements(
                                            By.cssSelector("[data-testid=calibration-chart]")))
                    .hasSize(1);
            WebElement dataset =
                    browser.driver()
                            .findElement(By.cssSelector("dl.facts a[href^='#/datasets/adult/']"));
            assertThat(dataset.getText()).startsWith("adult@");
            browser.screenshot("console-run-laptop");
        }
    }

    @Test
    void runsPage_phone_readsWithoutSidewaysScrolling() {
        try (Browser browser = Browser.open(Viewport.PHONE)) {
            browser.get(server.url("/#/runs"));
            browser.waitFor(TABLE);
            browser.waitUntil("four run-rows", d -> d.findElements(ROWS).size() == 4);

            Number width =
                    (Number)
                            ((JavascriptExecutor) browser.driver())
                                    .executeScript("return document.documentElement.scrollWidth;");

            assertThat(width.intValue()).isLessThanOrEqualTo(Viewport.PHONE.width());
            assertThat(browser.waitFor(By.cssSelector("[data-testid=sort-select]")).isDisplayed())
                    .isTrue();
            assertThat(browser.waitFor(By.cssSelector("[data-testid=run-id]")).isDisplayed())
                    .isTrue();
            browser.screenshot("console-runs-phone");
        }
    }

    /** The AUC of each row, top to bottom. */
    private static List<Double> aucs(WebDriver driver) {
        List<Double> out = new ArrayList<>();
        for (WebElement row : driver.findElements(ROWS)) {
            String text = row.findElement(By.cssSelector("td[data-metric=auc]")).getText();
            out.add(Double.parseDouble(text.replace(",", "")));
        }
        return out;
    }

    private static void select(WebDriver driver, String run) {
        driver.findElement(By.cssSelector("[data-run='" + run + "'] [data-testid=run-select]"))
                .click();
    }
}
