package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.testkit.Browser;
import dev.slipway.testkit.Browser.Viewport;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The console's playground in a real browser (headless Chromium): a form for adult-income prefilled
 * with a training row, a changed row predicted through the server's OIP endpoint with the same
 * answer the API gives, random rows from the training data, and the page at a phone's width.
 */
class PlaygroundBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final By FORM = By.cssSelector("[data-testid=playground-form]");
    private static final By FIELDS = By.cssSelector("[data-testid=field]");
    private static final By PREDICTION = By.cssSelector("[data-testid=prediction]");
    private static final By PROBABILITY_BARS =
            By.cssSelector("[data-testid=probabilities] rect[data-value]");

    private static TestServer server;
    private static JsonNode form;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
        Reply r = server.get("/api/v1/models/adult-income/playground");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        form = r.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebElement field(WebDriver driver, String name) {
        return driver.findElement(
                By.cssSelector("[data-testid=field][data-field=\"" + name + "\"]"));
    }

    /** Every field's value as the page shows it, by input name. */
    private static Map<String, String> values(WebDriver driver) {
        Map<String, String> out = new LinkedHashMap<>();
        for (WebElement f : driver.findElements(FIELDS)) {
            out.put(f.getAttribute("data-field"), f.getDomProperty("value"));
        }
        return out;
    }

    /** The OIP request for the row the page shows, typed as the playground API says. */
    private static String oipBody(Map<String, String> shown) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (JsonNode i : form.get("inputs")) {
            String name = i.get("name").asText();
            String datatype = i.get("datatype").asText();
            ObjectNode in = inputs.addObject();
            in.put("name", name);
            in.put("datatype", datatype);
            in.putArray("shape").add(1);
            ArrayNode data = in.putArray("data");
            if (datatype.equals("BYTES")) {
                data.add(shown.get(name));
            } else {
                data.add(Double.parseDouble(shown.get(name)));
            }
        }
        return body.toString();
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    @Test
    void playground_changedRow_predictsWhatTheApiPredictsAndRandomRowChangesTheFields() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            WebDriver driver = browser.driver();
            browser.get(server.url("/#/playground"));
            browser.waitFor(
                            By.cssSelector(
                                    "[data-testid=playground-model][href=\"#/playground/adult-income\"]"))
                    .click();
            browser.waitFor(FORM);
            List<WebElement> fields = browser.waitForAll(FIELDS);
            assertThat(fields).hasSize(form.get("inputs").size());
            for (WebElement f : fields) {
                String id = f.getAttribute("id");
                assertThat(driver.findElements(By.cssSelector("label[for=\"" + id + "\"]")))
                        .as("a label for " + f.getAttribute("data-field"))
                        .hasSize(1);
            }
            assertThat(field(driver, "age").getDomProperty("value")).isEqualTo("39");
            assertThat(driver.findElement(FORM).getText()).contains("seen 17 – 90");

            type(field(driver, "age"), "52");
            new Select(field(driver, "workclass")).selectByValue("Private");
            driver.findElement(By.cssSelector("[data-testid=predict]")).click();
            String label =
                    browser.waitUntil(
                            "a prediction",
                            d -> {
                                List<WebElement> p = d.findElements(PREDICTION);
                                return p.isEmpty() || p.getFirst().getText().isBlank()
                                        ? null
                                        : p.getFirst().getText();
                            });
            List<Double> percents =
                    driver.findElements(PROBABILITY_BARS).stream()
                            .map(r -> Double.parseDouble(r.getAttribute("data-value")))
                            .toList();

            Map<String, String> shown = values(driver);
            assertThat(shown).containsEntry("age", "52").containsEntry("workclass", "Private");
            Reply api = server.post("/v2/models/adult-income/infer", oipBody(shown));
            assertThat(api.status()).as(api.body()).isEqualTo(200);
            JsonNode outputs = api.json().get("outputs");
            assertThat(label).isEqualTo(outputs.get(0).get("data").get(0).asText());
            JsonNode probabilities = outputs.get(1).get("data");
            assertThat(percents).hasSize(2);
            assertThat(percents.get(0) + percents.get(1)).isCloseTo(100.0, within(1e-4));
            for (int k = 0; k < 2; k++) {
                assertThat(percents.get(k) / 100)
                        .isCloseTo(probabilities.get(k).asDouble(), within(1e-9));
            }
            assertThat(driver.findElement(By.cssSelector("[data-testid=latency]")).getText())
                    .contains(" ms")
                    .as("the server's own time, from its Server-Timing header")
                    .containsPattern("[0-9.]+ ms of it in the server");
            assertThat(driver.findElement(By.cssSelector("[data-testid=curl-oip]")).getText())
                    .contains("/v2/models/adult-income/infer", "\"data\":[52]");
            assertThat(driver.findElement(By.cssSelector("[data-testid=curl-mlflow]")).getText())
                    .contains("/models/adult-income/invocations", "dataframe_records");
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
            browser.screenshot("console-playground-laptop");

            driver.findElement(By.cssSelector("[data-testid=random-row]")).click();
            Map<String, String> random =
                    browser.waitUntil(
                            "fields changed by Random row",
                            d -> {
                                Map<String, String> now = values(d);
                                return now.equals(shown) ? null : now;
                            });
            assertThat(random.keySet()).isEqualTo(shown.keySet());
            assertThat(random).doesNotContainValue("");
        }
    }

    @Test
    void playground_phoneAndKeyboard_predictsWithoutSidewaysScrolling() {
        try (Browser browser = Browser.open(Viewport.PHONE)) {
            WebDriver driver = browser.driver();
            browser.get(server.url("/#/playground/adult-income"));
            browser.waitFor(FORM);
            browser.waitForAll(FIELDS);

            WebElement age = field(driver, "age");
            type(age, "17000");
            age.sendKeys(Keys.ENTER);
            browser.waitUntil(
                    "a prediction after Enter",
                    d -> d.findElements(PREDICTION).isEmpty() ? null : true);
            long scroll =
                    ((Number)
                                    ((JavascriptExecutor) driver)
                                            .executeScript(
                                                    "return document.documentElement.scrollWidth;"))
                            .longValue();

            assertThat(scroll).isLessThanOrEqualTo(Viewport.PHONE.width());
            assertThat(driver.findElement(FORM).getText()).contains("outside that range");
            ((JavascriptExecutor) driver)
                    .executeScript(
                            "arguments[0].scrollIntoView();", driver.findElement(PREDICTION));
            browser.screenshot("console-playground-phone");
        }
    }

    @Test
    void playground_importedModelWithoutTrainingData_predictsATypedTensorRow() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            WebDriver driver = browser.driver();
            browser.get(server.url("/#/playground/iris"));
            browser.waitFor(FORM);
            List<WebElement> fields = browser.waitForAll(FIELDS);
            assertThat(fields).hasSize(4);
            assertThat(driver.findElement(By.cssSelector("[data-testid=random-row]")).isEnabled())
                    .isFalse();

            String[] row = {"6.7", "3.0", "5.2", "2.3"};
            for (int k = 0; k < 4; k++) {
                type(fields.get(k), row[k]);
            }
            driver.findElement(By.cssSelector("[data-testid=predict]")).click();
            String shown = browser.waitFor(PREDICTION).getText();

            Reply api =
                    server.post(
                            "/v2/models/iris/infer",
                            "{\"inputs\": [{\"name\": \"float_input\", \"datatype\": \"FP32\","
                                    + " \"shape\": [1, 4], \"data\": [6.7, 3.0, 5.2, 2.3]}]}");
            assertThat(api.status()).as(api.body()).isEqualTo(200);
            assertThat(shown)
                    .isEqualTo(api.json().get("outputs").get(0).get("data").get(0).asText());
            assertThat(driver.findElement(By.cssSelector("[data-testid=curl-mlflow]")).getText())
                    .contains("\"inputs\":{\"float_input\":[[6.7,3,5.2,2.3]]}");
        }
    }

    @Test
    void playground_valueTheSchemaRefuses_showsTheServersMessageByTheForm() {
        try (Browser browser = Browser.open(Viewport.LAPTOP)) {
            WebDriver driver = browser.driver();
            browser.get(server.url("/#/playground/adult-strict"));
            browser.waitFor(FORM);
            browser.waitForAll(FIELDS);

            WebElement workclass = field(driver, "workclass");
            ((JavascriptExecutor) driver)
                    .executeScript(
                            "const s = arguments[0]; const o = document.createElement('option');"
                                    + " o.value = 'Astronaut'; o.textContent = 'Astronaut';"
                                    + " s.append(o); s.value = 'Astronaut';",
                            workclass);
            driver.findElement(By.cssSelector("[data-testid=predict]")).click();
            String error =
                    browser.waitUntil(
                            "an error by the form",
                            d -> {
                                String t =
                                        d.findElement(
                                                        By.cssSelector(
                                                                "[data-testid=playground-error]"))
                                                .getText();
                                return t.isBlank() ? null : t;
                            });

            assertThat(error).contains("400", "workclass", "Astronaut");
            assertThat(driver.findElements(PREDICTION)).isEmpty();
        }
    }
}
