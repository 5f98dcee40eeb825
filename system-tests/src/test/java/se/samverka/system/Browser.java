package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium, driven through its own chromedriver (both installed by {@code .ci/run}; nothing is
 * downloaded), with the checks every page must pass: axe-core finds no serious or critical violation of WCAG 2.1 AA.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int MAX_HEIGHT = 8000;
    private static final int NETWORK_LINES = 200;
    private static final int LAST_REQUESTS_SHOWN = 30;
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final ChromeDriver driver;
    /** The browser's last requests, kept across looks at its log, which hands each entry out once. */
    private final Deque<String> requests = new ArrayDeque<>();

    Browser() {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver").isExecutable();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // The machine's network is closed: without these Chromium keeps calling home and its connections are refused.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=sv-SE",
                // No password manager: after a login form it asks a desktop keyring over D-Bus, which these machines
                // lack; suspected in pages that hung right after a login in a few runs.
                "--password-store=basic", "--disable-features=PasswordLeakDetection");
        // Chromium's network events, read only when a test fails: which request of a page was never answered.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
                "profile.password_manager_enabled", false, "profile.password_manager_leak_detection", false));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD).scriptTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        leave("the page " + url, () -> driver.get(url));
    }

    /**
     * Does what leads to another page. When that page does not load within the page-load timeout, the failure names
     * the browser's last requests, which tell a request the platform never answered from a browser that hung.
     */
    void leave(String towards, Runnable action) {
        try {
            action.run();
        } catch (TimeoutException e) {
            String requests;
            try {
                requests = String.join("\n", lastRequests(LAST_REQUESTS_SHOWN));
            } catch (RuntimeException unreadable) {
                requests = "(the browser's log could not be read: " + unreadable + ")";
            }
            throw new AssertionError(towards + " did not load within " + PAGE_LOAD.toSeconds()
                    + " s; the browser's last requests:\n" + requests, e);
        }
    }

    /** The serious and critical accessibility violations of the page shown now, as "rule: help (n places)". */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations() {
        driver.executeScript(axeSource());
        Map<String, Object> results = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(results => done(results), error => done({error: String(error)}));""");
        assertThat(results).as("axe-core ran").doesNotContainKey("error");
        return ((List<Map<String, Object>>) results.get("violations")).stream()
                .filter(violation -> List.of("serious", "critical").contains(violation.get("impact")))
                .map(violation -> violation.get("id") + ": " + violation.get("help") + " ("
                        + ((List<?>) violation.get("nodes")).size() + " places)")
                .toList();
    }

    /**
     * Saves the whole page shown now, not only the window's part of it, as target/screenshots/{name}.png, an
     * artefact of the build: the window grows to the page's height for the picture and is put back after.
     */
    Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            driver.manage().window().setSize(new Dimension(window.getWidth(),
                    (int) Math.min(MAX_HEIGHT, Math.max(window.getHeight(), height))));
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /**
     * A screenshot and the HTML of the page shown now, and the last requests the browser made with their answers, to
     * see what went wrong.
     */
    void keepPage(String name) {
        screenshot(name);
        try {
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            Files.write(SCREENSHOTS.resolve(name + ".network.txt"), lastRequests(NETWORK_LINES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last requests, redirects and answers (or failures), one line each, by Chromium's request id. */
    private List<String> lastRequests(int count) {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            String at = Instant.ofEpochMilli(entry.getTimestamp()) + " [" + params.path("requestId").asString() + "] ";
            switch (message.path("method").asString()) {
                case "Network.requestWillBeSent" -> requests.add(at + (params.has("redirectResponse")
                        ? "redirected by " + params.at("/redirectResponse/status").asInt() + " to " : "sent ")
                        + params.at("/request/method").asString() + " " + params.at("/request/url").asString());
                case "Network.responseReceived" -> requests.add(at + "answered " + params.at("/response/status").asInt());
                case "Network.loadingFinished" -> requests.add(at + "finished");
                case "Network.loadingFailed" -> requests.add(at + "failed: " + params.path("errorText").asString());
                default -> {
                }
            }
            while (requests.size() > NETWORK_LINES) {
                requests.removeFirst();
            }
        }
        List<String> last = new ArrayList<>(requests);
        return last.subList(Math.max(0, last.size() - count), last.size());
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as(AXE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
