package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The harness itself fails where it should: a page served by Playwright's router (no server, no
 * network) with accessibility faults and an inline script its CSP forbids.
 */
class PortalBrowserHarnessTest {
  private static final String BAD_PAGE = "<!doctype html><html><head><title>Bad</title></head><body>"
      + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><a href=\"#\"></a>"
      + "<script>document.title = 'ran'</script></body></html>";

  private static Page openBadPage(BrowserContext context) {
    Page page = context.newPage();
    page.route("http://portal.test/**", (Route route) -> route.fulfill(new Route.FulfillOptions()
        .setStatus(200).setContentType("text/html; charset=utf-8").setBody(BAD_PAGE)
        .setHeaders(Map.of("Content-Security-Policy", "default-src 'none'; img-src data:"))));
    page.navigate("http://portal.test/bad");
    return page;
  }

  @Test
  void axeFailuresListEachSeriousViolation() {
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = openBadPage(context);
      AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> PortalBrowser.assertAccessible(page, "bad page"));
      for (String rule : List.of("html-has-lang", "image-alt", "link-name")) assertTrue(e.getMessage().contains(rule), e.getMessage());
      assertTrue(e.getMessage().contains("[\"img\"]"), "selectors are listed: " + e.getMessage());
    }
  }

  @Test
  void cspRefusalsAreConsoleErrorsAndInjectionStillWorks() {
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = openBadPage(context);
      assertEquals("Bad", page.title(), "the CSP must have blocked the inline script");
      List<String> errors = PortalBrowser.consoleErrors(page);
      assertTrue(errors.stream().anyMatch(m -> m.contains("Content Security Policy")), errors.toString());
      assertThrows(AssertionFailedError.class, () -> PortalBrowser.assertNoConsoleErrors(page));
      // axe still ran under that CSP: evaluate is not governed by it.
      assertTrue(PortalBrowser.axe(page).rulesPassed() > 0);
    }
  }

  @Test
  void localeSetsAcceptLanguageAndNavigatorLanguage() {
    try (BrowserContext context = PortalBrowser.newContext("de-DE")) {
      Page page = context.newPage();
      String[] acceptLanguage = new String[1];
      page.route("http://portal.test/**", route -> {
        acceptLanguage[0] = route.request().headers().get("accept-language");
        route.fulfill(new Route.FulfillOptions().setContentType("text/html").setBody("<!doctype html><html lang=\"de\"><title>x</title></html>"));
      });
      page.navigate("http://portal.test/");
      assertTrue(acceptLanguage[0] != null && acceptLanguage[0].startsWith("de-DE"), String.valueOf(acceptLanguage[0]));
      assertEquals("de-DE", page.evaluate("() => navigator.language"));
    }
  }
}
