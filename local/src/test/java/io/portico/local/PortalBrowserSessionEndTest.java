package io.portico.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.billingportal.SessionCreateParams;
import io.portico.domain.SessionLifetime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real session's end, as its customer meets it: a link opened too late, a link another browser
 * already used, and a portal left idle past its hour. Each page says why in words and offers the
 * way back to the merchant's return URL.
 */
class PortalBrowserSessionEndTest {
  private static final String RETURN_URL = "https://shop.example/account";
  private final PortalFixtures f = new PortalFixtures();
  private final StripeClient stripe = TestStack.stripe(f.key);

  private String sessionUrl() throws StripeException {
    return stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer(f.customer)
        .setConfiguration(f.configuration).setReturnUrl(RETURN_URL).build()).getUrl();
  }

  private static void assertWayBack(Page page, String business) {
    Locator back = page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Return to " + business));
    assertThat(back).hasAttribute("href", RETURN_URL);
  }

  @Test
  void aLinkOpenedTooLateSaysSoAndLeadsBack() throws StripeException {
    String url = sessionUrl();
    TestStack.CLOCK.advance(SessionLifetime.UNOPENED.plusSeconds(1));
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = context.newPage();
      Response r = page.navigate(url);
      assertEquals(401, r.status());
      assertThat(page.locator("h1")).hasText("This link has expired");
      assertWayBack(page, f.merchant.account().businessName());
      PortalBrowser.assertAccessible(page, "expired link with a return URL");
      PortalBrowser.assertNoConsoleErrors(page);
    }
  }

  @Test
  void aLinkAnotherBrowserUsedIsRefusedThere() throws StripeException {
    String url = sessionUrl();
    try (BrowserContext first = PortalBrowser.newContext("en-US"); BrowserContext second = PortalBrowser.newContext("de-DE")) {
      Page mine = first.newPage();
      mine.navigate(url);
      assertThat(mine.locator("main h1")).hasText("Manage your billing");
      Page theirs = second.newPage();
      Response r = theirs.navigate(url);
      assertEquals(401, r.status());
      // The session has no locale: the second browser's language is used.
      assertThat(theirs.locator("h1")).hasText("Dieser Link wurde bereits verwendet");
      Locator back = theirs.locator("main").getByRole(AriaRole.LINK,
          new Locator.GetByRoleOptions().setName("Zurück zu " + f.merchant.account().businessName()));
      assertThat(back).hasAttribute("href", RETURN_URL);
      PortalBrowser.assertAccessible(theirs, "link already used");
      PortalBrowser.assertNoConsoleErrors(theirs);
      // The browser that opened it is still in.
      mine.reload();
      assertThat(mine.locator("main h1")).hasText("Manage your billing");
    }
  }

  @Test
  void anIdlePortalEndsWithTheWayBack() throws StripeException {
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = context.newPage();
      String url = sessionUrl();
      // Home fetches the next charge after it shows; let that call land before the session's hour
      // runs out, or it is refused too and the browser logs a second 401.
      page.waitForResponse(r -> r.url().endsWith("/upcoming"), () -> page.navigate(url));
      assertThat(page.locator("main h1")).hasText("Manage your billing");
      TestStack.CLOCK.advance(SessionLifetime.IDLE.plus(Duration.ofMinutes(1)));
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Actions for Basic: Update plan")).click();
      assertThat(page.locator("main h1")).hasText("Your session has ended");
      assertWayBack(page, f.merchant.account().businessName());
      PortalBrowser.assertAccessible(page, "session ended in the portal");
      // The refused call is the only error the browser logs (Chromium reports every 401 it receives).
      assertEquals(1, PortalBrowser.consoleErrors(page).size(), String.valueOf(PortalBrowser.consoleErrors(page)));
    }
  }
}
