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
 * The expired-session page in a real browser: a link that matches no session (a bogus token) is
 * answered 401 with a page that says so, is accessible, cannot be framed, leaks no referrer and
 * fits a 320 px phone.
 */
class PortalBrowserExpiredPageTest {

  private static String bogusLink() {
    byte[] token = new byte[32];
    new SecureRandom().nextBytes(token);
    return TestStack.get().baseUrl() + "/p/session/" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  private static Page openExpired(BrowserContext context) {
    Page page = context.newPage();
    Response response = page.navigate(bogusLink());
    assertNotNull(response, "no response for the session link");
    assertEquals(401, response.status());
    assertTrue(response.headerValue("content-type").startsWith("text/html"), response.headerValue("content-type"));
    String csp = response.headerValue("content-security-policy");
    assertNotNull(csp, "no Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("no-referrer", response.headerValue("referrer-policy"));
    assertEquals("This link has expired", page.locator("h1").innerText().strip());
    assertTrue(page.locator("main").innerText().contains("return to the site you came from"), page.locator("main").innerText());
    return page;
  }

  @Test
  void expiredPageOnDesktop() {
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = openExpired(context);
      assertEquals("Session expired", page.title());
      PortalBrowser.AxeReport axe = PortalBrowser.assertAccessible(page, "expired page");
      assertTrue(axe.rulesPassed() > 0, "axe passed no rule: did it run?");
      PortalBrowser.assertNoConsoleErrors(page);
      assertPng(PortalBrowser.screenshot(page, "expired-desktop"));
    }
  }

  @Test
  void expiredPageAt320px() {
    try (BrowserContext context = PortalBrowser.newMobileContext("en-US")) {
      Page page = openExpired(context);
      assertEquals(PortalBrowser.MOBILE_WIDTH, ((Number) page.evaluate("() => window.innerWidth")).intValue());
      // Nothing wider than the phone: no sideways scrolling.
      int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
      assertTrue(scrollWidth <= PortalBrowser.MOBILE_WIDTH, "page is " + scrollWidth + " px wide at 320 px");
      PortalBrowser.assertAccessible(page, "expired page at 320 px");
      PortalBrowser.assertNoConsoleErrors(page);
      assertPng(PortalBrowser.screenshot(page, "expired-320px"));
    }
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
