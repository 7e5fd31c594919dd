package dev.userlifecycle.app.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through its chromedriver, in a profile of its own that is deleted on close.
 * Outside CI the tests that need it are skipped, saying how to install it, when it cannot be found; in CI (the
 * variable {@code CI} is set, and {@code .ci/run} installs it) a missing browser fails them.
 */
final class Chromium implements AutoCloseable {

    static final String INSTALL = "The dashboard's browser tests need Chromium and its driver. On Debian or Ubuntu: "
            + "sudo apt-get install -y chromium chromium-driver (or point CHROME_BIN and CHROMEDRIVER at a "
            + "Chromium and the chromedriver of the same version).";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int DESKTOP_WIDTH = 1366;
    private static final int DESKTOP_HEIGHT = 900;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Chromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts Chromium, or skips the calling test (fails it in CI) when there is none to start. */
    static Chromium start(String timeZone, Path screenshots) {
        Optional<Path> browser = find("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> chromedriver = find("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (browser.isEmpty() || chromedriver.isEmpty()) {
            String missing = (browser.isEmpty() ? "no chromium" : "") + (browser.isEmpty() && chromedriver.isEmpty()
                    ? " and " : "") + (chromedriver.isEmpty() ? "no chromedriver" : "") + " found. " + INSTALL;
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI must run the browser tests: " + missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Path profile = Files.createTempDirectory("dashboard-chromium-");
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser.get().toFile());
            // no sandbox (root in CI), no GPU, and none of the background connections this machine refuses
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                                 "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                                 "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--lang=en-US",
                                 "--force-prefers-reduced-motion");
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", timeZone));
            return new Chromium(driver, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> find(String variable, String... places) {
        String configured = System.getenv(variable);
        Stream<String> candidates = configured == null ? Stream.of(places) : Stream.of(configured);
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text the element shows (it must be displayed). */
    String shown(String css) {
        return find(css).getText().strip();
    }

    /** The element's text, also when it is inside closed {@code details}. */
    String content(String css) {
        return ((String) script("return arguments[0].textContent", find(css))).strip();
    }

    <T> T await(String what, Function<Chromium, T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(what).until(ignored -> {
            T value = condition.apply(this);
            return value instanceof Boolean shown && !shown ? null : value;
        });
    }

    /** Waits until the panel's {@code data-state} is {@code state} (ready, empty, error, …). */
    void awaitPanel(String panelId, String state) {
        await("panel " + panelId + " to be " + state + ", it is "
              + find("#" + panelId).getDomAttribute("data-state"),
              browser -> state.equals(browser.find("#" + panelId).getDomAttribute("data-state")));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Saves the whole page at a laptop's width and at a phone's as {@code name-desktop.png} and {@code -phone.png}. */
    void screenshots(String name) {
        screenshot(name + "-desktop");
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT,
                                                         "deviceScaleFactor", 2, "mobile", true));
        try {
            settle();
            screenshot(name + "-phone");
        } finally {
            cdp("Emulation.clearDeviceMetricsOverride", Map.of());
            settle();
        }
    }

    void screenshot(String name) {
        script("window.scrollTo(0, 0)");
        long width = ((Number) script("return document.documentElement.clientWidth")).longValue();
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Object shot = cdp("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                                                           "clip", clip));
        String data = (String) ((Map<?, ?>) shot).get("data");
        try {
            Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets layout, the charts' resize observers and two frames run. */
    void settle() {
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 120)));");
    }

    /** The browser's console messages since the last call: errors of scripts, of loading or of the page's policy. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a profile left in the temporary directory harms nothing
            }
        }
    }
}
