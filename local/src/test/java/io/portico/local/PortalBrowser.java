package io.portico.local;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Browser tests of the hosted portal: one headless Chromium for the whole test JVM, Debian's
 * {@code /usr/bin/chromium} driven by Playwright, started on first use and closed when the JVM
 * exits. Playwright never downloads a browser here.
 *
 * <pre>{@code
 * try (BrowserContext context = PortalBrowser.newContext("fr-FR")) {   // or newMobileContext (320 px)
 *   Page page = context.newPage();
 *   Response r = page.navigate(TestStack.get().baseUrl() + "/p/portal");
 *   PortalBrowser.assertAccessible(page, "portal home");            // axe-core: no serious/critical violations
 *   PortalBrowser.assertNoConsoleErrors(page);                       // CSP refusals, script errors, failed loads
 *   PortalBrowser.screenshot(page, "portal-home-fr");                // local/target/screenshots/portal-home-fr.png
 * }
 * }</pre>
 *
 * <p>The pages' CSP forbids inline scripts; contexts keep it enforced (no {@code bypassCSP}), so a
 * page that needs an inline script fails here as it would for customers. axe-core is injected with
 * {@code page.evaluate}, which the CSP does not govern. Playwright objects are not thread-safe:
 * use a context from one test thread.
 */
public final class PortalBrowser {
  /** Debian's Chromium; {@code -Dportico.chromium=PATH} points elsewhere (never a downloaded browser). */
  public static final Path CHROMIUM = Paths.get(System.getProperty("portico.chromium", "/usr/bin/chromium"));
  /** A broken page fails this fast rather than hanging the build (every action, wait and navigation). */
  public static final double TIMEOUT_MS = 15_000;
  public static final int DESKTOP_WIDTH = 1280;
  public static final int DESKTOP_HEIGHT = 900;
  public static final int MOBILE_WIDTH = 320;
  public static final int MOBILE_HEIGHT = 640;

  /** Flags that keep Chromium off the network but for the pages under test (this machine's network is closed). */
  private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
  private static final Pattern SCREENSHOT_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Playwright playwright;
  private static Browser browser;
  private static String axeSource;
  /** Console errors and uncaught exceptions of every page opened in a context of ours. */
  private static final Map<Page, List<LoggedError>> PAGE_ERRORS = Collections.synchronizedMap(new WeakHashMap<>());

  private PortalBrowser() {}

  /** The shared browser, launched on first use. Fails (never skips) when Chromium is not installed. */
  public static synchronized Browser browser() {
    if (browser != null) return browser;
    if (!Files.isExecutable(CHROMIUM)) {
      fail("Browser tests need Debian's Chromium at " + CHROMIUM + ", which is missing: install it with"
          + " `apt-get install chromium` (or run .ci/run, which installs it). Playwright is not allowed to download a browser.");
    }
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_ARGS).setTimeout(30_000));
    } catch (RuntimeException e) {
      playwright.close();
      playwright = null;
      throw new IllegalStateException("Chromium at " + CHROMIUM + " did not start", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(PortalBrowser::close, "portal-browser-close"));
    return browser;
  }

  private static synchronized void close() {
    try {
      if (browser != null) browser.close();
      if (playwright != null) playwright.close();
    } catch (RuntimeException ignored) {
      // The JVM is exiting; the driver may already be gone.
    }
    browser = null;
    playwright = null;
  }

  /** A fresh context (cookies, storage) at 1280x900; {@code locale} (e.g. "de-DE") also sets Accept-Language. */
  public static BrowserContext newContext(String locale) {
    return newContext(locale, DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
  }

  /** A fresh context as a 320 px wide phone: touch, and the page's meta viewport honoured. */
  public static BrowserContext newMobileContext(String locale) {
    return newContext(locale, MOBILE_WIDTH, MOBILE_HEIGHT, true);
  }

  public static BrowserContext newContext(String locale, int width, int height, boolean mobile) {
    Browser.NewContextOptions options = new Browser.NewContextOptions()
        .setViewportSize(width, height).setDeviceScaleFactor(1).setIsMobile(mobile).setHasTouch(mobile);
    if (locale != null) options.setLocale(locale);
    BrowserContext context = browser().newContext(options);
    context.setDefaultTimeout(TIMEOUT_MS);
    context.setDefaultNavigationTimeout(TIMEOUT_MS);
    context.onPage(PortalBrowser::recordErrors);
    return context;
  }

  /** One error the page logged; {@code source} is the URL it names (for a failed load, the resource's). */
  private record LoggedError(String text, String source) {}

  private static final Pattern LINE_AND_COLUMN = Pattern.compile(":\\d+:\\d+$");

  private static void recordErrors(Page page) {
    List<LoggedError> errors = Collections.synchronizedList(new ArrayList<>());
    PAGE_ERRORS.put(page, errors);
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        String location = m.location() == null ? "" : m.location();
        errors.add(new LoggedError("console: " + m.text() + " (" + location + ")", LINE_AND_COLUMN.matcher(location).replaceFirst("")));
      }
    });
    page.onPageError(e -> errors.add(new LoggedError("uncaught: " + e, "")));
  }

  /**
   * What the page logged as an error so far: CSP refusals, failed loads, uncaught exceptions. The
   * document's own error status (Chromium logs a 401 page as "Failed to load resource") is left
   * out: tests assert the status themselves.
   */
  public static List<String> consoleErrors(Page page) {
    List<LoggedError> errors = PAGE_ERRORS.get(page);
    if (errors == null) throw new IllegalArgumentException("not a page of a PortalBrowser context");
    String document = page.url();
    synchronized (errors) {
      return errors.stream()
          .filter(e -> !(e.text().startsWith("console: Failed to load resource") && e.source().equals(document)))
          .map(LoggedError::text).toList();
    }
  }

  public static void assertNoConsoleErrors(Page page) {
    List<String> errors = consoleErrors(page);
    if (!errors.isEmpty()) fail(page.url() + " logged " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
  }

  /** The result of one axe run: rule ids that passed, and each violation. */
  public record AxeReport(String axeVersion, int rulesPassed, int rulesIncomplete, List<Violation> violations) {}

  public record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {
    boolean blocking() {
      return "serious".equals(impact) || "critical".equals(impact);
    }

    @Override
    public String toString() {
      return id + " [" + impact + "] " + help + " -> " + String.join(", ", targets) + " (" + helpUrl + ")";
    }
  }

  /**
   * Runs axe-core on the page as it is now and fails listing every violation of impact serious or
   * critical (rule, help, the elements' selectors); lesser ones are printed. Returns the report.
   */
  public static AxeReport assertAccessible(Page page, String pageName) {
    AxeReport report = axe(page);
    List<Violation> blocking = report.violations().stream().filter(Violation::blocking).toList();
    List<Violation> minor = report.violations().stream().filter(v -> !v.blocking()).toList();
    System.out.println("axe " + report.axeVersion() + " on " + pageName + " (" + page.url() + "): " + report.rulesPassed()
        + " rules passed, " + report.violations().size() + " violated (" + blocking.size() + " serious/critical), "
        + report.rulesIncomplete() + " need review");
    for (Violation v : minor) System.out.println("  minor: " + v);
    if (!blocking.isEmpty()) {
      StringBuilder message = new StringBuilder(pageName).append(" (").append(page.url()).append(") has ")
          .append(blocking.size()).append(" serious/critical accessibility violation(s):");
      for (Violation v : blocking) message.append("\n  ").append(v);
      fail(message.toString());
    }
    return report;
  }

  /** Injects axe-core (once per document) and runs it on the whole document. */
  public static AxeReport axe(Page page) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
      page.evaluate(axeSource());
    }
    String json = (String) page.evaluate("""
        async () => {
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return JSON.stringify({
            version: r.testEngine.version,
            passes: r.passes.length,
            incomplete: r.incomplete.length,
            violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              targets: v.nodes.map(n => JSON.stringify(n.target)) }))
          });
        }""");
    try {
      JsonNode r = JSON.readTree(json);
      List<Violation> violations = new ArrayList<>();
      for (JsonNode v : r.get("violations")) {
        List<String> targets = new ArrayList<>();
        v.get("targets").forEach(t -> targets.add(t.asText()));
        violations.add(new Violation(v.get("id").asText(), v.path("impact").asText("unknown"), v.get("help").asText(),
            v.get("helpUrl").asText(), targets));
      }
      return new AxeReport(r.get("version").asText(), r.get("passes").asInt(), r.get("incomplete").asInt(), violations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized String axeSource() {
    if (axeSource != null) return axeSource;
    Path file = LocalStack.findRoot().resolve("local/browser/node_modules/axe-core/axe.min.js");
    if (!Files.isRegularFile(file)) {
      fail("axe-core is not installed at " + file + ": Maven's generate-test-resources phase runs `npm ci` in local/browser"
          + " (or run it there by hand; Node.js and npm are needed, .ci/run installs them)");
    }
    try {
      axeSource = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return axeSource;
  }

  /** A full-page PNG at {@code local/target/screenshots/<name>.png}; returns its path. */
  public static Path screenshot(Page page, String name) {
    if (!SCREENSHOT_NAME.matcher(name).matches()) throw new IllegalArgumentException("screenshot name must match " + SCREENSHOT_NAME + ": " + name);
    Path file = LocalStack.findRoot().resolve("local").resolve(Paths.get("target", "screenshots", name + ".png"));
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }
}
