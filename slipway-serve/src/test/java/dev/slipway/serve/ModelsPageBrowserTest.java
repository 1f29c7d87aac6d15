package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A model's page in headless Chromium: versions with metrics, lineage and provenance, and moving an
 * alias through the console with its confirmation, with and without the token it needs.
 */
class ModelsPageBrowserTest {

    private static final By CHAMPION =
            By.cssSelector("[data-testid=alias-row][data-alias=champion]");

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static By testid(String id) {
        return By.cssSelector("[data-testid=" + id + "]");
    }

    private int champion(String... headers) {
        return server.get("/api/v1/models/adult-income", headers)
                .json()
                .get("aliases")
                .get("champion")
                .asInt();
    }

    /**
     * Opens the alias's editor, chooses {@code version} and returns the confirmation's question.
     */
    private static String chooseAndReview(Browser browser, By row, int version) {
        browser.waitFor(row).findElement(testid("alias-move")).click();
        WebElement select = browser.waitFor(testid("alias-version"));
        new Select(select).selectByValue(Integer.toString(version));
        browser.driver().findElement(testid("alias-next")).click();
        browser.waitFor(testid("alias-confirm"));
        return browser.driver().findElement(testid("alias-question")).getText();
    }

    /** The version the alias row shows; empty while the page is being redrawn. */
    private static String aliasTarget(Browser browser, By row) {
        try {
            return browser.waitFor(row).findElement(testid("alias-target")).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    @Test
    void modelPage_trainedModel_showsMetricsLineageAndProvenanceOfEachVersion() {
        server = TestServer.start(TestServer.config());
        String run = server.home.registry().versions("adult-income").get(0).lineage().runId().get();
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/models/adult-income"));

            WebElement metrics =
                    browser.waitFor(
                            By.cssSelector("[data-testid=version-metrics][data-version='1']"));
            assertThat(metrics.getText()).contains("auc");
            assertThat(browser.driver().findElements(testid("lineage-run")))
                    .extracting(e -> e.getAttribute("href"))
                    .anySatisfy(href -> assertThat(href).endsWith("#/runs/" + run));
            assertThat(browser.driver().findElements(testid("lineage-dataset")))
                    .extracting(e -> e.getAttribute("href"))
                    .allSatisfy(href -> assertThat(href).contains("#/datasets/adult/"));
            assertThat(browser.driver().findElements(testid("provenance")).get(0).getText())
                    .contains("Seed", "num_round = 30");
        }
    }

    @Test
    void moveAlias_confirmed_modelsPageAndApiShowTheNewVersion() {
        server = TestServer.start(TestServer.config());
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/models/adult-income"));
            assertThat(aliasTarget(browser, CHAMPION)).isEqualTo("v1");
            browser.screenshot("console-model-laptop");

            String question = chooseAndReview(browser, CHAMPION, 2);

            assertThat(question).contains("champion", "from v1", "to v2");
            browser.screenshot("console-alias-confirm-laptop");
            browser.driver().findElement(testid("alias-confirm")).click();
            browser.waitUntil(
                    "champion shown on v2", d -> aliasTarget(browser, CHAMPION).equals("v2"));
            assertThat(browser.waitFor(testid("alias-done")).getText())
                    .contains("champion", "v1", "v2");
            assertThat(champion()).isEqualTo(2);

            browser.get(server.url("/#/models"));
            WebElement row =
                    browser.waitFor(
                            By.cssSelector("[data-testid=model-row][data-model=adult-income]"));
            assertThat(row.findElement(testid("model-aliases")).getText())
                    .contains("champion → v2");
            assertThat(row.findElement(testid("model-champion-metric")).getText())
                    .contains("auc", "(v2)");

            browser.resize(Viewport.PHONE);
            browser.get(server.url("/#/models/adult-income"));
            assertThat(aliasTarget(browser, CHAMPION)).isEqualTo("v2");
            assertThat(
                            ((JavascriptExecutor) browser.driver())
                                    .executeScript(
                                            "return document.documentElement.scrollWidth <= 390"))
                    .isEqualTo(true);
            browser.screenshot("console-model-phone");
        }
    }

    @Test
    void moveAlias_cancelled_changesNothing() {
        server = TestServer.start(TestServer.config());
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/models/adult-income"));
            chooseAndReview(browser, CHAMPION, 2);

            browser.driver().findElement(testid("alias-cancel")).click();

            assertThat(browser.driver().findElements(testid("alias-confirm"))).isEmpty();
            assertThat(aliasTarget(browser, CHAMPION)).isEqualTo("v1");
            assertThat(champion()).isEqualTo(1);
        }
    }

    @Test
    void setAlias_newName_appearsAsAnAliasRow() {
        server = TestServer.start(TestServer.config());
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            browser.get(server.url("/#/models/adult-income"));
            browser.waitFor(testid("alias-new-name")).sendKeys("challenger");
            new Select(browser.driver().findElement(testid("alias-new-version")))
                    .selectByValue("2");
            browser.driver().findElement(testid("alias-set")).click();
            assertThat(browser.waitFor(testid("alias-question")).getText())
                    .contains("challenger", "v2");

            browser.driver().findElement(testid("alias-confirm")).click();

            By challenger = By.cssSelector("[data-testid=alias-row][data-alias=challenger]");
            assertThat(aliasTarget(browser, challenger)).isEqualTo("v2");
            assertThat(
                            server.get("/api/v1/models/adult-income")
                                    .json()
                                    .get("aliases")
                                    .get("challenger")
                                    .asInt())
                    .isEqualTo(2);
        }
    }

    private record Secrets(String predict, String admin) {}

    private Secrets startWithTokens() {
        ServeHome home = ServeHome.copy();
        Tokens tokens = new Tokens(home.home(), Clock.systemUTC(), new SecureRandom());
        Secrets s =
                new Secrets(
                        tokens.create("viewer", Set.of(Scope.PREDICT)).secret(),
                        tokens.create("operator", Set.of(Scope.ADMIN)).secret());
        server =
                TestServer.start(
                        home, TestServer.config().withTokens(ServerConfig.TokenMode.REQUIRED));
        return s;
    }

    /** Loads the model page through the console's token form with {@code token}. */
    private void openWithToken(Browser browser, String token) {
        browser.get(server.url("/#/models/adult-income"));
        browser.waitFor(testid("auth-required"));
        browser.driver().findElement(By.id("token-input")).sendKeys(token);
        browser.driver().findElement(By.cssSelector("form.token button[type=submit]")).click();
        browser.waitFor(CHAMPION);
    }

    @Test
    void moveAlias_predictToken_isRefusedNamingTheAdminScopeAndNothingChanges() {
        Secrets tokens = startWithTokens();
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            openWithToken(browser, tokens.predict());
            chooseAndReview(browser, CHAMPION, 2);

            browser.driver().findElement(testid("alias-confirm")).click();

            WebElement error = browser.waitFor(testid("alias-error"));
            assertThat(error.getText()).contains("403", "admin scope", "'viewer'");
            assertThat(browser.driver().findElement(testid("model-title")).getText())
                    .isEqualTo("adult-income");
            assertThat(browser.driver().findElement(testid("alias-token")).isDisplayed()).isTrue();
            assertThat(aliasTarget(browser, CHAMPION)).isEqualTo("v1");
            browser.screenshot("console-alias-refused-laptop");
            assertThat(champion("Authorization", "Bearer " + tokens.admin())).isEqualTo(1);
        }
    }

    @Test
    void moveAlias_adminTokenGivenAfterRefusal_isDone() {
        Secrets tokens = startWithTokens();
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            openWithToken(browser, tokens.predict());
            chooseAndReview(browser, CHAMPION, 2);
            browser.driver().findElement(testid("alias-confirm")).click();
            browser.waitFor(testid("alias-token")).sendKeys(tokens.admin());

            browser.driver().findElement(testid("alias-token-use")).click();

            browser.waitUntil(
                    "champion shown on v2", d -> aliasTarget(browser, CHAMPION).equals("v2"));
            assertThat(champion("Authorization", "Bearer " + tokens.admin())).isEqualTo(2);
        }
    }
}
