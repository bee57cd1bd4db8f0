package org.refdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window (its own profile, so its own storage), driven through the machine's
 * ChromeDriver. Nothing is downloaded: the flags keep Chromium off the network it does not have.
 */
public final class Browser implements AutoCloseable {

  private static final String CHROMIUM = env("REFDESK_TEST_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      env("REFDESK_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path AXE =
      Path.of("..", "frontend", "node_modules", "axe-core", "axe.min.js");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser open(int width, int height) {
    return open(width, height, Map.of());
  }

  /**
   * A window whose profile lets that origin keep nothing (no cookies, no storage, sessionStorage
   * throws): what a frame of that origin meets on another site under Safari, in a private window,
   * or with third-party cookies blocked.
   */
  public static Browser openDenyingStorageTo(String origin, int width, int height) {
    // Nested maps: a dotted key would be split at the dots of the address.
    return open(
        width,
        height,
        Map.of(
            "profile",
            Map.of(
                "content_settings",
                Map.of(
                    "exceptions",
                    Map.of("cookies", Map.of(origin + ",*", Map.of("setting", 2)))))));
  }

  private static Browser open(int width, int height, Map<String, Object> prefs) {
    try {
      var profile = Files.createTempDirectory("refdesk-chromium");
      var options =
          new ChromeOptions()
              .setBinary(CHROMIUM)
              .addArguments(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--disable-quic",
                  "--autoplay-policy=no-user-gesture-required",
                  "--user-data-dir=" + profile,
                  "--window-size=" + width + "," + height);
      if (!prefs.isEmpty()) {
        options.setExperimentalOption("prefs", prefs);
      }
      var logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      var service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
              .build();
      var driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      // A window cannot be narrower than about 500 px, so phones are emulated at their exact size.
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String url) {
    driver.get(url);
  }

  public WebElement waitFor(By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** For elements that are there but draw nothing themselves, such as a shadow host. */
  public WebElement waitForPresence(By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  public void waitForText(By locator, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** A DevTools command on the page's own target (frames of the same site share it). */
  public Map<String, Object> cdp(String command, Map<String, Object> params) {
    return driver.executeCdpCommand(command, params);
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves a PNG under target/screenshots for a person to look at. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      var file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Errors the page logged to its console since the last call. */
  public List<String> consoleErrors() {
    var errors = new ArrayList<String>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** Runs axe-core on the current document; answers the serious and critical violations. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> accessibilityViolations() {
    try {
      driver.executeScript(Files.readString(AXE));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "axe-core is installed by the frontend build (npm): " + AXE.toAbsolutePath(), e);
    }
    var result =
        (Map<String, Object>)
            driver.executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] }).then(r => done(r), e => done({ error: String(e) }));
        """);
    if (result.containsKey("error")) {
      throw new IllegalStateException("axe failed: " + result.get("error"));
    }
    var violations = (List<Map<String, Object>>) result.get("violations");
    return violations.stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile does no harm
    }
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Convenience for tests: find by CSS. */
  public WebElement css(String selector) {
    return driver.findElement(By.cssSelector(selector));
  }
}
