package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.Browser.Viewport;
import dev.slipway.testkit.Firefox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web console in Firefox (headless, over WebDriver BiDi, see {@link Firefox}): every page of a
 * server on the test home renders its main content at a laptop's and a phone's width, with a
 * screenshot of each in the build folder's {@code screenshots/}.
 */
class ConsoleFirefoxTest {

    /** The text of every alert (error notice) the page shows, joined; empty when there is none. */
    private static final String SHOWN_ALERTS =
            "[...document.querySelectorAll('[role=alert]')]"
                    + ".filter(e => e.getClientRects().length > 0 && e.innerText.trim() !== '')"
                    + ".map(e => e.innerText).join(' | ')";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "models, /#/models, [data-testid=models-table], adult-income",
        "model, /#/models/adult-income, [data-testid=versions-table], v1",
        "runs, /#/runs, [data-testid=runs-table], adult",
        "datasets, /#/datasets, [data-testid=datasets-table], adult",
        "dataset, /#/datasets/adult/latest, [data-testid=schema-table], workclass",
        "playground, /#/playground/adult-income, [data-testid=playground-form], age",
        "monitoring, /#/monitoring, [data-testid=monitoring-model], adult-income",
        "live, /#/live, [data-testid=live-table], adult-income",
    })
    void page_rendersInFirefox_atLaptopAndPhoneWidth(
            String name, String path, String selector, String expected) {
        try (Firefox firefox = Firefox.open(Viewport.LAPTOP)) {
            firefox.get(server.url(path));
            assertThat(firefox.waitFor(selector)).contains(expected);
            assertThat(firefox.eval(SHOWN_ALERTS)).as("error notices on %s", path).isEmpty();
            firefox.screenshot("firefox-" + name + "-laptop");

            firefox.resize(Viewport.PHONE);
            assertThat(firefox.waitFor(selector)).contains(expected);
            assertThat(firefox.eval("String(document.documentElement.scrollWidth <= 390)"))
                    .as("the page fits a phone's width without scrolling sideways")
                    .isEqualTo("true");
            firefox.screenshot("firefox-" + name + "-phone");
        }
    }

    @Test
    void playground_predictInFirefox_showsThePredictionAndProbabilities() {
        try (Firefox firefox = Firefox.open(Viewport.LAPTOP)) {
            firefox.get(server.url("/#/playground/adult-income"));
            firefox.waitFor("[data-testid=playground-form]");
            firefox.eval(
                    "(() => { const age = document.querySelector('[data-field=age]');"
                            + " age.value = '52'; age.dispatchEvent(new Event('input', {bubbles: true}));"
                            + " document.querySelector('[data-testid=predict]').click(); })()");

            assertThat(firefox.waitFor("[data-testid=prediction]")).containsAnyOf("<=50K", ">50K");
            assertThat(firefox.waitFor("[data-testid=probabilities]"))
                    .contains("<=50K")
                    .contains(">50K");
            firefox.screenshot("firefox-playground-predicted-laptop");
        }
    }
}
