package dev.slipway.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, for end-to-end tests of the web console; closing
 * it quits the browser.
 *
 * <p>It runs Debian's binaries, {@value #CHROMIUM} and {@value #CHROMEDRIVER} (the packages
 * chromium and chromium-driver, which {@code .ci/run} installs), named explicitly so that Selenium
 * Manager never runs and nothing is downloaded. When either is missing the test is skipped with the
 * reason printed, except under CI ({@code CI=true}) where it fails: CI must run the browser tests.
 * Screenshots go to {@code screenshots/} in the module's build folder. Not thread-safe; one per
 * test.
 */
public final class Browser implements AutoCloseable {

    /** Debian's Chromium. */
    public static final String CHROMIUM = "/usr/bin/chromium";

    /** Debian's chromedriver, of the same version as {@link #CHROMIUM}. */
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** How long {@link #waitFor} waits for an element before it fails the test. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    /** The sizes of the page (the viewport, in CSS pixels) the console is checked at. */
    public enum Viewport {
        /** A laptop screen, 1280x800. */
        LAPTOP(1280, 800),
        /** A phone held upright, 390x844. */
        PHONE(390, 844);

        private final int width;
        private final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** The width in CSS pixels. */
        public int width() {
            return width;
        }

        /** The height in CSS pixels. */
        public int height() {
            return height;
        }
    }

    private final ChromeDriver driver;
    private final Path screenshots;
    private boolean closed;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /**
     * Starts a headless Chromium with a window of the given size; skips the calling test (or fails
     * it under CI) when Chromium or chromedriver is not installed.
     */
    public static Browser open(Viewport viewport) {
        requireInstalled();
        Path buildFolder = buildFolder();
        Path screenshots = buildFolder.resolve("screenshots");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .usingAnyFreePort()
                        .withLogFile(buildFolder.resolve("chromedriver.log").toFile())
                        .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--window-size=" + viewport.width() + "," + viewport.height());
        Browser browser = new Browser(new ChromeDriver(service, options), screenshots);
        try {
            return browser.resize(viewport);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** The driver, for what this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Loads the URL and returns once the page has loaded (scripts may still be running). */
    public Browser get(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Resizes the window so that the page gets exactly the viewport's size, for the next screenshot
     * at another width.
     */
    public Browser resize(Viewport viewport) {
        driver.manage().window().setSize(new Dimension(viewport.width(), viewport.height()));
        // Even headless, the window keeps room for a toolbar: grow it by what the page lacks.
        List<?> inner =
                (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
        int width = ((Number) inner.get(0)).intValue();
        int height = ((Number) inner.get(1)).intValue();
        if (width != viewport.width() || height != viewport.height()) {
            driver.manage()
                    .window()
                    .setSize(
                            new Dimension(
                                    2 * viewport.width() - width, 2 * viewport.height() - height));
        }
        return this;
    }

    /**
     * Waits up to {@link #WAIT} until an element the locator finds is visible, and returns it;
     * fails with the locator and the page's URL when none appears.
     */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> "no visible " + locator + " on " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Waits up to {@link #WAIT} until the locator finds at least one element, and returns all it
     * finds then.
     */
    public List<WebElement> waitForAll(By locator) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> "no " + locator + " on " + driver.getCurrentUrl())
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(locator));
    }

    /**
     * Waits up to {@link #WAIT} until the condition returns something other than null or false, and
     * returns that; fails saying what was awaited, on which page, when it does not.
     */
    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> what + " on " + driver.getCurrentUrl())
                .until(condition::apply);
    }

    /**
     * Saves a PNG of the visible page as {@code screenshots/NAME.png} in the build folder and
     * returns its path; the name is letters, digits, dots, dashes and underscores.
     */
    public Path screenshot(String name) {
        return saveScreenshot(screenshots, name, () -> driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Writes a PNG as {@code NAME.png} in {@code folder} (a browser's screenshots) and returns its
     * path; the name is letters, digits, dots, dashes and underscores.
     */
    static Path saveScreenshot(Path folder, String name, java.util.function.Supplier<byte[]> png) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "screenshot name '"
                            + name
                            + "' must be letters, digits, '.', '-' or '_' (it names a file)");
        }
        Path file = folder.resolve(name + ".png");
        try {
            Files.createDirectories(folder);
            Files.write(file, png.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file, e);
        }
        return file;
    }

    /** Quits the browser and chromedriver. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        driver.quit();
    }

    /**
     * The module's build folder: the system property {@code slipway.buildDirectory} when set, else
     * the parent of the {@code test-classes} folder on the class path (which follows {@code
     * -Dslipway.target}), else {@code target} in the working directory.
     */
    public static Path buildFolder() {
        String property = System.getProperty("slipway.buildDirectory");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.getFileName() != null
                    && path.getFileName().toString().equals("test-classes")
                    && path.getParent() != null) {
                return path.getParent().toAbsolutePath();
            }
        }
        return Path.of("target").toAbsolutePath();
    }

    private static void requireInstalled() {
        List<String> missing =
                List.of(CHROMIUM, CHROMEDRIVER).stream()
                        .filter(binary -> !Files.isExecutable(Path.of(binary)))
                        .toList();
        if (missing.isEmpty()) {
            return;
        }
        skipOrFail(
                "the browser tests need Debian's Chromium ("
                        + CHROMIUM
                        + ") and chromedriver ("
                        + CHROMEDRIVER
                        + "), but "
                        + String.join(" and ", missing)
                        + " is missing; install them with"
                        + " 'apt-get install -y chromium chromium-driver' (.ci/run does)");
    }

    /**
     * Skips the calling test for want of a browser, saying why, except under CI ({@code CI=true})
     * where it fails: CI must run the browser tests.
     */
    static void skipOrFail(String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI: " + what);
        }
        String reason = "skipped: " + what;
        System.err.println(reason);
        Assumptions.abort(reason);
    }
}
