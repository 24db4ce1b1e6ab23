package io.portico.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.billingportal.SessionCreateParams;
import io.portico.domain.Account;
import io.portico.service.AccountService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Screenshots of the portal's main pages (home, a plan change with its preview, cancel, add card,
 * billing details, invoices) in English, German and Japanese, of a branded merchant's home, and of
 * home on a 320 px phone, into {@code local/target/screenshots/}. Each page is first checked to be
 * the page it should be (its texts in the session's language, money in the locale's format), free
 * of serious accessibility faults and console errors, so no screenshot shows a broken page.
 */
class PortalBrowserScreenshotsTest {
  private static Shop plain;
  private static Shop branded;

  /** A merchant selling in euros: Basic 10 €/month, Pro 20 €/month and 200 €/year, every portal feature on. */
  private static final class Shop {
    final AccountService.CreatedAccount merchant;
    final String key;
    final StripeClient stripe;
    final String basicMonthly;
    final String proMonthly;
    final String configuration;

    Shop(AccountService.CreatedAccount merchant) {
      this.merchant = merchant;
      key = merchant.testSecretKey();
      stripe = TestStack.stripe(key);
      basicMonthly = price("product_data[name]=Basic", 1000, "month");
      String basicProduct = TestStack.get("/v1/prices/" + basicMonthly, key).json().get("product").asText();
      proMonthly = price("product_data[name]=Pro", 2000, "month");
      String proProduct = TestStack.get("/v1/prices/" + proMonthly, key).json().get("product").asText();
      String proYearly = price("product=" + proProduct, 20000, "year");
      configuration = ok(TestStack.post("/v1/billing_portal/configurations", key,
          PortalFixtures.configurationForm(basicProduct, basicMonthly, proProduct, proMonthly, proYearly, ""))).get("id").asText();
    }

    private String price(String product, long amount, String interval) {
      return ok(TestStack.post("/v1/prices", key, "currency=eur&unit_amount=" + amount + "&recurring[interval]=" + interval
          + "&tax_behavior=exclusive&" + product)).get("id").asText();
    }

    /** A new customer in Berlin with a card, a VAT ID and a Basic subscription (and so one paid invoice): {customer, subscription}. */
    String[] subscriber(String name) {
      String customer = ok(TestStack.post("/v1/customers", key, "name=" + PortalClient.enc(name) + "&email=kunde%40example.com"
          + "&address[line1]=Torstra%C3%9Fe%201&address[postal_code]=10119&address[city]=Berlin&address[country]=DE")).get("id").asText();
      String card = ok(TestStack.post("/v1/payment_methods/pm_card_visa/attach", key, "customer=" + customer)).get("id").asText();
      ok(TestStack.post("/v1/customers/" + customer, key, "invoice_settings[default_payment_method]=" + card));
      ok(TestStack.post("/v1/customers/" + customer + "/tax_ids", key, "type=eu_vat&value=DE123456789"));
      JsonNode s = ok(TestStack.post("/v1/subscriptions", key, "customer=" + customer + "&items[0][price]=" + basicMonthly));
      assertEquals("active", s.get("status").asText(), s.toString());
      return new String[] {customer, s.get("id").asText()};
    }

    String session(String customer, SessionCreateParams.Locale locale) throws StripeException {
      return stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer(customer)
          .setConfiguration(configuration).setReturnUrl("https://shop.example/account").setLocale(locale).build()).getUrl();
    }
  }

  @BeforeAll
  static void setUp() {
    AccountService accounts = TestStack.get().context().getBean(AccountService.class);
    // A readable name for the screenshots (newMerchant's carries a number); the default look.
    plain = new Shop(accounts.create("Acme Cloud", "help@acme.example", "https://acme.example/terms", "https://acme.example/privacy",
        new Account.Branding(null, null, "#ffffff", "#0f62fe", "system-ui", "rounded")));
    branded = new Shop(accounts.create("Nightfall Books", "help@nightfall.example", "https://nightfall.example/terms",
        "https://nightfall.example/privacy", new Account.Branding(null, null, "#1e1b4b", "#f59e0b", "serif", "pill")));
  }

  private static JsonNode ok(TestStack.Answer a) {
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  /** Text as a person reads it: the no-break spaces Intl puts in "20,00 €" become plain spaces. */
  private static String text(Locator l) {
    return l.innerText().replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private static void waitForHeading(Page page, String heading) {
    assertThat(page.locator("main h1")).hasText(heading, new LocatorAssertions.HasTextOptions().setTimeout(PortalBrowser.TIMEOUT_MS));
  }

  /** Home, once the next charge (fetched after the page shows) is in: the page as it settles. */
  private static void openHome(Page page, String url, String heading) {
    page.navigate(url);
    waitForHeading(page, heading);
    assertThat(page.locator(".next-charge").first()).hasText(Pattern.compile("€"), new LocatorAssertions.HasTextOptions().setTimeout(PortalBrowser.TIMEOUT_MS));
  }

  /** Goes to a view of the portal (#/…) and waits for {@code ready}, an element only that view has. */
  private static void go(Page page, String hash, String ready) {
    page.evaluate("h => { window.location.hash = h; }", hash);
    page.locator(ready).first().waitFor();
  }

  /** Checks the page (accessible, no console error) and shoots it. */
  private static Path shoot(Page page, String name) {
    PortalBrowser.assertAccessible(page, name);
    PortalBrowser.assertNoConsoleErrors(page);
    Path file = PortalBrowser.screenshot(page, name);
    try {
      byte[] png = Files.readAllBytes(file);
      assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG of a page: " + file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  /** The home page's heading in each locale: the page is in the session's language. */
  private static String homeTitle(String locale) {
    return switch (locale) {
      case "de" -> "Abrechnung verwalten";
      case "ja" -> "請求の管理";
      default -> "Manage your billing";
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "ja"})
  void mainPages(String locale) throws StripeException {
    String[] s = plain.subscriber(locale.equals("ja") ? "山田 花子" : "Erika Mustermann");
    String url = plain.session(s[0], SessionCreateParams.Locale.valueOf(locale.toUpperCase(Locale.ROOT)));
    try (BrowserContext context = PortalBrowser.newContext(locale.equals("en") ? "en-US" : locale)) {
      Page page = context.newPage();
      openHome(page, url, homeTitle(locale));
      assertEquals(locale, page.evaluate("() => document.documentElement.lang"));
      String home = text(page.locator("main"));
      switch (locale) {
        case "de" -> {
          assertTrue(home.contains("10,00 € pro Monat") || home.contains("10,00 €"), "German money: " + home);
          assertTrue(home.contains("Deutschland"), "the country in German: " + home);
        }
        case "ja" -> assertTrue(Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]{4}").matcher(home).find(), "Japanese text: " + home);
        default -> assertTrue(home.contains("€10.00 per month"), home);
      }
      shoot(page, "portal-home-" + locale);

      go(page, "#/subscriptions/" + s[1] + "/update", "input[name=price]");
      page.locator("input[name=price][value='" + plain.proMonthly + "']").check();
      page.locator("main form button[type=submit]").click();
      page.locator(".preview").waitFor();
      String update = text(page.locator("main"));
      if (locale.equals("de")) assertTrue(update.contains("20,00 €"), "German money: " + update);
      if (locale.equals("en")) assertTrue(update.contains("€20.00 per month"), update);
      assertTrue(page.locator(".preview [data-amount-due], .preview [data-amount-due-now]").count() > 0, "the preview shows amounts");
      shoot(page, "portal-update-preview-" + locale);

      go(page, "#/subscriptions/" + s[1] + "/cancel", "main button.danger");
      assertEquals(3, page.locator("main input[name=reason]").count(), "the survey's reasons");
      shoot(page, "portal-cancel-" + locale);

      go(page, "#/payment-methods/new", "input[name=cardnumber]");
      shoot(page, "portal-add-card-" + locale);

      go(page, "#/billing", "main input[name=email]");
      assertEquals("DE", page.locator("main select[name='address[country]']").inputValue());
      shoot(page, "portal-billing-" + locale);

      go(page, "#/invoices", "main table.invoices");
      assertEquals(1, page.locator("main table.invoices tbody tr").count());
      String invoices = text(page.locator("main table.invoices"));
      if (locale.equals("de")) assertTrue(invoices.contains("10,00 €"), invoices);
      if (locale.equals("ja")) assertTrue(invoices.contains("€10.00"), invoices);
      shoot(page, "portal-invoices-" + locale);
    }
  }

  /** sRGB "rgb(r, g, b)" (or rgba) as its WCAG relative luminance. */
  private static double luminance(String css) {
    String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
    double l = 0;
    double[] weights = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
      double c = Double.parseDouble(parts[i]) / 255.0;
      l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
    return l;
  }

  private static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  @Test
  void brandedHome() throws StripeException {
    String[] s = branded.subscriber("Erika Mustermann");
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = context.newPage();
      openHome(page, branded.session(s[0], SessionCreateParams.Locale.EN), "Manage your billing");
      assertEquals("Nightfall Books", page.locator(".business-name").innerText().strip());
      @SuppressWarnings("unchecked")
      List<String> colours = (List<String>) page.evaluate("() => { const b = getComputedStyle(document.body);"
          + " const button = getComputedStyle(document.querySelector('main a.button:not(.secondary), main button:not(.secondary):not(.link)'));"
          + " return [b.color, b.backgroundColor, button.color, button.backgroundColor, b.fontFamily, button.borderTopLeftRadius]; }");
      assertEquals("rgb(30, 27, 75)", colours.get(1), "the brand's background");
      assertEquals("rgb(245, 158, 11)", colours.get(3), "the brand's button colour");
      double text = contrast(colours.get(0), colours.get(1));
      assertTrue(text >= 4.5, "body text " + colours.get(0) + " on " + colours.get(1) + " contrasts " + text + ":1");
      double button = contrast(colours.get(2), colours.get(3));
      assertTrue(button >= 4.5, "button text " + colours.get(2) + " on " + colours.get(3) + " contrasts " + button + ":1");
      assertTrue(colours.get(4).contains("serif") && !colours.get(4).contains("sans-serif"), "the brand's serif font: " + colours.get(4));
      assertEquals("999px", colours.get(5), "pill-shaped buttons");
      shoot(page, "portal-home-branded");
    }
  }

  /** Nothing wider than the phone: no sideways scrolling. */
  private static void assertFits320(Page page) {
    assertEquals(PortalBrowser.MOBILE_WIDTH, ((Number) page.evaluate("() => window.innerWidth")).intValue());
    int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    assertTrue(scrollWidth <= PortalBrowser.MOBILE_WIDTH, page.url() + " is " + scrollWidth + " px wide at 320 px");
  }

  @Test
  void homeAndPlanChangeAt320px() throws StripeException {
    String[] s = plain.subscriber("Erika Mustermann");
    try (BrowserContext context = PortalBrowser.newMobileContext("en-US")) {
      Page page = context.newPage();
      openHome(page, plain.session(s[0], SessionCreateParams.Locale.EN), "Manage your billing");
      assertFits320(page);
      shoot(page, "portal-home-320px");

      go(page, "#/subscriptions/" + s[1] + "/update", "input[name=price]");
      page.locator("input[name=price][value='" + plain.proMonthly + "']").check();
      page.locator("main form button[type=submit]").click();
      page.locator(".preview").waitFor();
      assertFits320(page);
      shoot(page, "portal-update-preview-320px");

      go(page, "#/invoices", "main table.invoices");
      assertFits320(page);
      shoot(page, "portal-invoices-320px");
    }
  }
}
