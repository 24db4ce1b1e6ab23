package io.portico.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.stripe.exception.StripeException;
import com.stripe.param.billingportal.SessionCreateParams;
import org.junit.jupiter.api.Test;

/**
 * Money, dates and plurals as the page prints them, per locale: the issue's examples (1.234,56 € in
 * German, ¥1,235 in Japanese), and a three-decimal currency.
 */
class PortalBrowserLocaleFormatsTest {
  private final PortalFixtures f = new PortalFixtures();

  private String customerPaying(String currency, long unitAmount, long quantity) {
    String price = PortalFixtures.ok(TestStack.post("/v1/prices", f.key, "currency=" + currency + "&unit_amount=" + unitAmount
        + "&recurring[interval]=month&product_data[name]=Plan")).get("id").asText();
    String customer = PortalFixtures.ok(TestStack.post("/v1/customers", f.key, "name=Formats")).get("id").asText();
    String card = f.attachCard(customer, "pm_card_visa");
    TestStack.post("/v1/customers/" + customer, f.key, "invoice_settings[default_payment_method]=" + card);
    f.subscribe(customer, price, quantity);
    return customer;
  }

  private Page open(BrowserContext context, String customer, SessionCreateParams.Locale locale) throws StripeException {
    Page page = context.newPage();
    page.navigate(TestStack.stripe(f.key).v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer(customer)
        .setConfiguration(f.configuration).setLocale(locale).build()).getUrl());
    return page;
  }

  @Test
  void theIssuesExamplesAndOtherExponents() throws StripeException {
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page de = open(context, customerPaying("eur", 123456, 1), SessionCreateParams.Locale.DE);
      assertThat(de.locator(".subscription")).containsText("1.234,56\u00a0€ pro Monat");
      assertThat(de.locator(".subscription")).containsText("Nächste Abbuchung: 1.234,56\u00a0€ am ");

      Page ja = open(context, customerPaying("jpy", 1235, 3), SessionCreateParams.Locale.JA);
      assertThat(ja.locator(".subscription")).containsText("¥1,235");
      assertThat(ja.locator(".subscription")).containsText("¥3,705");
      assertThat(ja.locator(".subscription")).containsText("次回の請求");

      Page en = open(context, customerPaying("kwd", 12340, 1), SessionCreateParams.Locale.EN);
      assertThat(en.locator(".subscription")).containsText("KWD\u00a012.340");

      PortalBrowser.assertNoConsoleErrors(de);
      PortalBrowser.assertNoConsoleErrors(ja);
      PortalBrowser.assertNoConsoleErrors(en);
    }
  }
}
