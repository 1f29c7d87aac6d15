package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import dev.slipway.testkit.ChildJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's Monitoring page in headless Chromium, on what {@code slipway quickstart} leaves: a
 * served Adult model whose log holds normal traffic and a shifted slice (ages + 10, a workplace
 * class over-represented) with every row labelled, and a drift rule checked while serving. The page
 * flags exactly the shifted columns, shows a column's distributions against the training data, the
 * predictions, realized performance and the alert history, at laptop and phone widths.
 */
class MonitoringPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = QuickstartCommand.MODEL;
    private static final List<String> SHIFTED = List.of("age", "workclass");

    private static final By TABLE = By.cssSelector("[data-testid=drift-table]");
    private static final By ROWS = By.cssSelector("[data-testid=drift-row]");

    @TempDir Path home;

    @Test
    void quickstartHome_monitoringPage_flagsTheShiftedColumnsAndShowsTheirValues()
            throws Exception {
        CliRun quickstart =
                CliRun.of(
                        "quickstart",
                        "--no-serve",
                        "--port",
                        "0",
                        "--home",
                        home.toString(),
                        "--json");
        assertThat(quickstart.code()).as(quickstart.err()).isZero();

        Path rules = home.resolve("rules.yaml");
        Files.writeString(
                rules,
                """
                version: 1
                rules:
                  - name: age-drift
                    model: adult-income
                    condition: {kind: column_drift, column: age}
                """);
        try (ChildJvm server =
                ChildJvm.start(
                        Main.class,
                        home.resolve("serve.err"),
                        "serve",
                        "--home",
                        home.toString(),
                        "--port",
                        "0",
                        "--grpc-port",
                        "-1",
                        "--alert-rules",
                        rules.toString(),
                        "--monitor-every",
                        "2s",
                        "--monitor-window",
                        "1h",
                        "--json")) {
            JsonNode started = JSON.readTree(server.readLine(Duration.ofSeconds(120)));
            String base = started.get("http").asText();
            awaitAlert(base);

            try (Browser browser = Browser.open(Viewport.LAPTOP)) {
                browser.get(base + "/#/monitoring");
                browser.waitFor(By.cssSelector("[data-testid=monitoring-model]")).click();
                browser.waitFor(TABLE);
                Map<String, String> rows = driftRows(browser);
                assertThat(rows).hasSize(14);
                rows.forEach(
                        (column, state) -> {
                            boolean shifted = SHIFTED.contains(column);
                            assertThat(state)
                                    .as("column %s", column)
                                    .isEqualTo(shifted ? "true Drift" : "false No drift");
                        });
                // Drifted columns come first.
                assertThat(List.copyOf(rows.keySet()).subList(0, 2))
                        .containsExactlyInAnyOrderElementsOf(SHIFTED);

                // The first drifted column is shown at once; choose workclass with the keyboard.
                browser.waitFor(By.cssSelector("[data-testid=drift-over-time]"));
                WebElement workclass =
                        browser.driver()
                                .findElement(
                                        By.cssSelector(
                                                "[data-testid=drift-row][data-column=workclass] button"));
                workclass.sendKeys(Keys.ENTER);
                WebElement distribution =
                        browser.waitUntil(
                                "the distribution of workclass",
                                d ->
                                        d
                                                .findElements(
                                                        By.cssSelector(
                                                                "[data-testid=distribution]"))
                                                .stream()
                                                .filter(e -> e.getText().startsWith("workclass"))
                                                .findFirst()
                                                .orElse(null));
                // Two series: the training data and the log, with the categories as bins.
                assertThat(distribution.findElements(By.cssSelector("ul.legend li")))
                        .extracting(WebElement::getText)
                        .containsExactly("Reference (training data)", "Current (the log)");
                assertThat(
                                distribution.findElements(
                                        By.cssSelector("svg rect.series-0, svg rect.series-1")))
                        .hasSizeGreaterThan(4);
                assertThat(workclass.getAttribute("aria-pressed")).isEqualTo("true");
                assertThat(
                                browser.waitFor(By.cssSelector("[data-testid=drift-over-time]"))
                                        .getText())
                        .startsWith("workclass");

                // The predictions against the training data scored by the served version.
                WebElement predictions =
                        browser.waitFor(By.cssSelector("[data-testid=prediction-distribution]"));
                assertThat(predictions.findElements(By.cssSelector("ul.legend li")))
                        .extracting(WebElement::getText)
                        .containsExactly("Training data scored by v1", "Current (the log)");
                assertThat(
                                browser.waitFor(
                                                By.cssSelector(
                                                        "[data-testid=prediction-reference]"))
                                        .getText())
                        .contains("scored once by version 1");
                WebElement performance =
                        browser.waitFor(By.cssSelector("[data-testid=performance-chart]"));
                assertThat(performance.getText()).startsWith("auc per window");
                assertThat(performance.findElements(By.cssSelector("line.threshold"))).hasSize(1);
                WebElement alerts = browser.waitFor(By.cssSelector("[data-testid=alerts-table]"));
                assertThat(alerts.getText()).contains("age-drift").contains("Firing");
                browser.screenshot("console-monitoring-laptop");
                scrollTo(browser, "drift-over-time");
                browser.screenshot("console-monitoring-column-laptop");
                scrollTo(browser, "prediction-distribution");
                browser.screenshot("console-monitoring-predictions-laptop");
                scrollTo(browser, "performance-chart");
                browser.screenshot("console-monitoring-performance-laptop");

                ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
                browser.resize(Viewport.PHONE);
                assertThat(browser.waitFor(TABLE).isDisplayed()).isTrue();
                Object wide =
                        ((JavascriptExecutor) browser.driver())
                                .executeScript(
                                        "const w = window.innerWidth; return [...document.querySelectorAll('body *')]"
                                                + ".filter(e => e.getBoundingClientRect().right > w + 1"
                                                + " && !e.closest('.scroll'))"
                                                + ".map(e => e.tagName + '.' + e.getAttribute('class') + ' ' + e.getBoundingClientRect().right)"
                                                + ".slice(0, 10);");
                assertThat((List<?>) wide)
                        .as("elements wider than 390 px, outside a scroll box")
                        .isEmpty();
                browser.screenshot("console-monitoring-phone");
            }
            server.terminate();
            assertThat(server.waitFor(Duration.ofSeconds(60))).isZero();
        }
    }

    private static void scrollTo(Browser browser, String testid) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start'});",
                        browser.driver()
                                .findElement(By.cssSelector("[data-testid=" + testid + "]")));
    }

    /** Each drift row's column, with its data-drifted attribute and its state word. */
    private static Map<String, String> driftRows(Browser browser) {
        return browser.waitUntil(
                "14 drift rows",
                d -> {
                    List<WebElement> rows = d.findElements(ROWS);
                    if (rows.size() < 14) {
                        return null;
                    }
                    Map<String, String> out = new LinkedHashMap<>();
                    for (WebElement r : rows) {
                        String state =
                                r.findElement(By.cssSelector("[data-testid=drift-state]"))
                                        .getText()
                                        .strip();
                        out.put(
                                r.getAttribute("data-column"),
                                r.getAttribute("data-drifted") + " " + state);
                    }
                    return out;
                });
    }

    /** Waits until the server's alert schedule has notified the drift of age. */
    private static void awaitAlert(String base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    base
                                                            + "/api/v1/models/"
                                                            + MODEL
                                                            + "/monitoring/alerts"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            if (JSON.readTree(r.body()).get("alerts").size() > 0) {
                return;
            }
            assertThat(Instant.now()).as("no alert yet: %s", r.body()).isBefore(deadline);
            Thread.sleep(500);
        }
    }
}
