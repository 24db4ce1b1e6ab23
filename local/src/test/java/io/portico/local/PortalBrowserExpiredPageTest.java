package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The pages a customer sees when the portal cannot open, in a real browser: a link that matches no
 * session (a bogus token, {@code /p/session/<token>}) and the portal without its cookie
 * ({@code /p/portal}). Both answer 401 with a page that says why, in the browser's language, that is
 * accessible, cannot be framed, leaks no referrer and fits a 320 px phone.
 */
class PortalBrowserExpiredPageTest {

  private static String bogusLink() {
    byte[] token = new byte[32];
    new SecureRandom().nextBytes(token);
    return TestStack.get().baseUrl() + "/p/session/" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** Opens {@code url}, checks the 401 page's headers and heading, and returns the page. */
  private static Page open401(BrowserContext context, String url, String heading) {
    Page page = context.newPage();
    Response response = page.navigate(url);
    assertNotNull(response, "no response for " + url);
    assertEquals(401, response.status());
    assertTrue(response.headerValue("content-type").startsWith("text/html"), response.headerValue("content-type"));
    String csp = response.headerValue("content-security-policy");
    assertNotNull(csp, "no Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("no-referrer", response.headerValue("referrer-policy"));
    assertEquals(heading, page.locator("h1").innerText().strip());
    assertEquals(heading, page.title());
    assertTrue(page.locator("main").innerText().length() > heading.length() + 20, "the page says why: " + page.locator("main").innerText());
    return page;
  }

  @Test
  void expiredLinkOnDesktop() {
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open401(context, bogusLink(), "This link has expired");
      assertEquals("en", page.evaluate("() => document.documentElement.lang"));
      PortalBrowser.AxeReport axe = PortalBrowser.assertAccessible(page, "expired link");
      assertTrue(axe.rulesPassed() > 0, "axe passed no rule: did it run?");
      PortalBrowser.assertNoConsoleErrors(page);
      assertPng(PortalBrowser.screenshot(page, "expired-link-desktop"));
    }
  }

  @Test
  void expiredLinkAt320px() {
    try (BrowserContext context = PortalBrowser.newMobileContext("en-US")) {
      Page page = open401(context, bogusLink(), "This link has expired");
      assertFitsWidth(page);
      PortalBrowser.assertAccessible(page, "expired link at 320 px");
      PortalBrowser.assertNoConsoleErrors(page);
      assertPng(PortalBrowser.screenshot(page, "expired-link-320px"));
    }
  }

  @Test
  void expiredLinkInTheBrowsersLanguage() {
    try (BrowserContext context = PortalBrowser.newContext("de-DE")) {
      Page page = open401(context, bogusLink(), "Dieser Link ist abgelaufen");
      assertTrue(((String) page.evaluate("() => document.documentElement.lang")).startsWith("de"));
      PortalBrowser.assertAccessible(page, "expired link (de)");
    }
  }

  /** The same frame served under /p/, where its stylesheet loads: axe then checks the styled page (contrast). */
  @Test
  void endedSessionIsStyledAndAccessible() {
    for (boolean mobile : new boolean[] {false, true}) {
      try (BrowserContext context = mobile ? PortalBrowser.newMobileContext("en-US") : PortalBrowser.newContext("en-US")) {
        Page page = open401(context, TestStack.get().baseUrl() + "/p/portal", "Your session has ended");
        assertEquals(Boolean.TRUE, page.evaluate("() => [...document.styleSheets].some(s => (s.href || '').includes('/p/assets/portal.css'))"),
            "the portal stylesheet is applied");
        if (mobile) assertFitsWidth(page);
        PortalBrowser.assertAccessible(page, "session ended" + (mobile ? " at 320 px" : ""));
        PortalBrowser.assertNoConsoleErrors(page);
        assertPng(PortalBrowser.screenshot(page, "session-ended-" + (mobile ? "320px" : "desktop")));
      }
    }
  }

  /** Nothing wider than the phone: no sideways scrolling. */
  private static void assertFitsWidth(Page page) {
    assertEquals(PortalBrowser.MOBILE_WIDTH, ((Number) page.evaluate("() => window.innerWidth")).intValue());
    int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    assertTrue(scrollWidth <= PortalBrowser.MOBILE_WIDTH, "page is " + scrollWidth + " px wide at 320 px");
  }

  private static void assertPng(Path file) {
    try {
      byte[] head = Files.readAllBytes(file);
      assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "not a PNG: " + file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
