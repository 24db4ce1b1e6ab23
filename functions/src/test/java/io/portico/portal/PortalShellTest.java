package io.portico.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.ApiResponse;
import io.portico.i18n.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page frame's security headers; the browser tests check that Chromium accepts them (no CSP refusal). */
class PortalShellTest {
  private final PortalShell shell = new PortalShell(new PortalAssets());

  private ApiResponse notice(String baseUrl) {
    return shell.notice(401, "Expired", "<h1>Expired</h1>", Messages.forLocale("de"), null, baseUrl);
  }

  @Test
  void theOneInlineStyleIsAllowedByItsHashAndNoInlineScriptAtAll() {
    ApiResponse page = notice("https://portal.example.com");
    String csp = page.headers().get("Content-Security-Policy");
    Matcher style = Pattern.compile("<style>(.*?)</style>").matcher((String) page.body());
    assertTrue(style.find());
    assertTrue(csp.contains("style-src 'self' 'sha256-" + PortalShell.sha256(style.group(1)) + "'"), csp);
    assertTrue(csp.contains("script-src 'self';"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("no-referrer", page.headers().get("Referrer-Policy"));
    assertEquals("no-store", page.headers().get("Cache-Control"));
    assertTrue(((String) page.body()).startsWith("<!doctype html><html lang=\"de\">"));
  }

  @Test
  void hstsOnlyOverHttps() {
    assertEquals("max-age=31536000; includeSubDomains", notice("https://portal.example.com").headers().get("Strict-Transport-Security"));
    assertNull(notice("http://127.0.0.1:4242").headers().get("Strict-Transport-Security"));
  }

  @Test
  void dataInAScriptElementCannotCloseIt() {
    assertEquals("{\"a\":\"\\u003c/script>\\u003c!--\"}", PortalShell.scriptSafe("{\"a\":\"</script><!--\"}"));
  }
}
