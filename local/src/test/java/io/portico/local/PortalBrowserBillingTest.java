package io.portico.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Address;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.TaxId;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.billingportal.SessionCreateParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's billing pages in a real browser, driven as a customer does (visible labels and
 * button names), with every result checked through stripe-java as the merchant sees it: adding a
 * card (and the page's own checks, a decline, where the card number may go), removing the old one,
 * the billing address and tax IDs (in English and German), and paying an open invoice and
 * downloading its PDF. Every page and state visited is checked with axe-core and for console errors.
 */
class PortalBrowserBillingTest {
  private static final String TOKENIZE_PATH = "/p/provider/test/payment_methods";
  private static PortalFixtures f;
  private static StripeClient stripe;
  private static String euroMonthly;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
    stripe = TestStack.stripe(f.key);
    euroMonthly = PortalFixtures.ok(TestStack.post("/v1/prices", f.key,
        "currency=eur&unit_amount=1000&recurring[interval]=month&tax_behavior=exclusive&product=" + f.basicProduct)).get("id").asText();
  }

  /** A portal session for {@code customer} made by the merchant's server through stripe-java; returns its URL. */
  private static String session(String customer, SessionCreateParams.Locale locale) throws StripeException {
    SessionCreateParams.Builder params = SessionCreateParams.builder().setCustomer(customer).setConfiguration(f.configuration)
        .setReturnUrl("https://shop.example/account");
    if (locale != null) params.setLocale(locale);
    return stripe.v1().billingPortal().sessions().create(params.build()).getUrl();
  }

  /** Opens the portal and waits for its home page. */
  private static Page openPortal(BrowserContext context, String url, String homeTitle) {
    Page page = context.newPage();
    page.navigate(url);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(homeTitle).setLevel(1))).isVisible();
    return page;
  }

  /**
   * Refusals the test provokes on purpose (a declined card, an invalid tax ID): Chromium logs every
   * fetch answered with an error status as "Failed to load resource", which the page cannot prevent.
   * Each is allowed by its exact status and URL; any other console error fails.
   */
  private final List<String> provokedRefusals = new ArrayList<>();

  private void expectRefusal(int status, String reason, String path) {
    provokedRefusals.add("console: Failed to load resource: the server responded with a status of " + status + " (" + reason + ") ("
        + TestStack.get().baseUrl() + path + ":0:0)");
  }

  private void assertNoConsoleErrors(Page page) {
    List<String> errors = PortalBrowser.consoleErrors(page);
    List<String> unexpected = errors.stream().filter(e -> !provokedRefusals.contains(e)).toList();
    assertEquals(List.of(), unexpected, page.url() + " logged errors");
    for (String refusal : provokedRefusals) assertTrue(errors.contains(refusal), "the provoked refusal happened: " + refusal + " in " + errors);
  }

  private void checkPage(Page page, String name) {
    PortalBrowser.assertAccessible(page, name);
    assertNoConsoleErrors(page);
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
  }

  private static Locator label(Locator scope, String text) {
    return scope.getByLabel(text, new Locator.GetByLabelOptions().setExact(true));
  }

  private static Locator label(Page page, String text) {
    return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
  }

  /** The success notice a page shows after an action (role status). */
  private static void assertNotice(Page page, String text) {
    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(text))).isVisible();
  }

  private static List<PaymentMethod> cardsOf(String customer) throws StripeException {
    return stripe.v1().paymentMethods().list(PaymentMethodListParams.builder().setCustomer(customer).build()).getData();
  }

  /** One request the page sent: its URL and form body. */
  private record Sent(String url, String body) {}

  @Test
  void addingACardAndRemovingTheOldOne() throws StripeException {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_mastercard");
    f.subscribe(customer, f.basicMonthly, 1);
    String oldCard = stripe.v1().customers().retrieve(customer).getInvoiceSettings().getDefaultPaymentMethod();
    String url = session(customer, null);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
      context.onRequest((Request r) -> sent.add(new Sent(r.url(), r.postData())));
      Page page = openPortal(context, url, "Manage your billing");
      checkPage(page, "home");

      link(page, "Add payment method").click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add payment method"))).isVisible();
      checkPage(page, "add card form");

      // A mistyped number (the Luhn check fails) is caught in the page: nothing leaves it.
      int before = sent.size();
      label(page, "Card number").fill("4242 4242 4242 4241");
      label(page, "Expiration date").fill("12 / 34");
      label(page, "Security code").fill("123");
      label(page, "Name on card").fill("Jenny Rosen");
      button(page, "Save card").click();
      assertThat(page.getByText("Error: Your card number is invalid.")).isVisible();
      assertThat(label(page, "Card number")).hasAttribute("aria-invalid", "true");
      assertThat(label(page, "Card number")).isFocused();
      assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("The form has 1 error."))).isVisible();
      assertEquals(List.of(), sent.subList(before, sent.size()).stream()
          .filter(s -> s.url().contains(TOKENIZE_PATH) || s.url().contains("/p/api/payment_methods")).toList(),
          "a number that fails the Luhn check is never sent");
      checkPage(page, "add card form with a field error");

      // A declined card: the page says so and the customer keeps only their card.
      label(page, "Card number").fill("4000 0000 0000 0002");
      button(page, "Save card").click();
      expectRefusal(402, "Payment Required", "/p/api/payment_methods");
      assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Your card was declined."))).isVisible();
      assertThat(label(page, "Card number")).not().hasAttribute("aria-invalid", "true");
      assertEquals(List.of(oldCard), cardsOf(customer).stream().map(PaymentMethod::getId).toList(), "the declined card is not attached");
      checkPage(page, "add card form, card declined");

      label(page, "Card number").fill("4242 4242 4242 4242");
      button(page, "Save card").click();
      assertNotice(page, "Your payment method has been added.");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Manage your billing"))).isVisible();
      Customer after = stripe.v1().customers().retrieve(customer);
      String newCard = after.getInvoiceSettings().getDefaultPaymentMethod();
      assertNotEquals(oldCard, newCard, "the new card is the default");
      PaymentMethod added = stripe.v1().paymentMethods().retrieve(newCard);
      assertEquals("4242", added.getCard().getLast4());
      assertEquals(12L, added.getCard().getExpMonth());
      assertEquals(2034L, added.getCard().getExpYear());
      assertEquals("Jenny Rosen", added.getBillingDetails().getName());
      assertEquals(customer, added.getCustomer());
      Locator newItem = page.locator("li[data-payment-method='" + newCard + "']");
      assertThat(newItem).containsText("Visa ending in 4242");
      assertThat(newItem).containsText("Default");
      checkPage(page, "home with two cards");

      // The old card goes: Remove, then confirm.
      button(page, "Actions for Mastercard ending in 4444: Remove").click();
      Locator confirm = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Remove this payment method?"));
      assertThat(confirm).containsText("Mastercard ending in 4444 will be removed from your account.");
      checkPage(page, "home, confirming a removal");
      confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove").setExact(true)).click();
      assertNotice(page, "Your payment method has been removed.");
      assertThat(page.locator("li[data-payment-method='" + oldCard + "']")).hasCount(0);
      assertNull(stripe.v1().paymentMethods().retrieve(oldCard).getCustomer(), "the old card is detached");
      assertEquals(List.of(newCard), cardsOf(customer).stream().map(PaymentMethod::getId).toList());
      assertEquals(newCard, stripe.v1().customers().retrieve(customer).getInvoiceSettings().getDefaultPaymentMethod());
      checkPage(page, "home after removing a card");

      // The card number went to the provider's tokenization only, never to the portal API (nor in a URL).
      List<String> numbers = List.of("4242424242424242", "4000000000000002", "4242424242424241", "4242 4242", "4242+4242", "4242%204242");
      List<Sent> withNumber = sent.stream().filter(s -> numbers.stream().anyMatch(n -> (s.url() + " " + s.body()).contains(n))).toList();
      assertEquals(2, withNumber.size(), "the declined and the saved card were tokenized: " + withNumber);
      for (Sent s : withNumber) {
        assertTrue(s.url().endsWith(TOKENIZE_PATH), "a card number went to " + s.url());
        assertFalse(s.url().contains("4242") || s.url().contains("0002"), "a card number in a URL: " + s.url());
      }
      assertTrue(sent.stream().anyMatch(s -> s.url().contains("/p/api/payment_methods") && s.body() != null && s.body().contains("payment_method=pm_")),
          "the portal API got the pm_ id");
      assertTrue(sent.stream().filter(s -> s.url().contains("/p/api/")).noneMatch(s -> s.body() != null && s.body().contains("card[")),
          "no card details reach /p/api/");
    }
  }

  @Test
  void editingTheAddressAndAddingAVatId() throws StripeException {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    String url = session(customer, null);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = openPortal(context, url, "Manage your billing");
      link(page, "Update information").click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Update information").setLevel(1))).isVisible();
      checkPage(page, "billing form");

      Locator address = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Billing address"));
      label(address, "Address line 1").fill("Unter den Linden 1");
      label(address, "City").fill("Berlin");
      label(address, "ZIP or postal code").fill("10117");
      label(address, "Country or region").selectOption(new SelectOption().setLabel("Germany"));
      button(page, "Save").click();
      assertNotice(page, "Your billing information has been updated.");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Manage your billing"))).isVisible();
      assertThat(page.locator("dl.details")).containsText("Unter den Linden 1, 10117 Berlin, Germany");
      Address saved = stripe.v1().customers().retrieve(customer).getAddress();
      assertEquals("Unter den Linden 1", saved.getLine1());
      assertEquals("Berlin", saved.getCity());
      assertEquals("10117", saved.getPostalCode());
      assertEquals("DE", saved.getCountry());
      checkPage(page, "home with an address");

      link(page, "Add tax ID").click();
      Locator value = label(page, "Tax ID number");
      assertThat(value).isFocused();
      checkPage(page, "tax ID section");
      label(page, "Type").selectOption(new SelectOption().setLabel("EU VAT"));
      value.fill("DE12");
      button(page, "Add tax ID").click();
      expectRefusal(400, "Bad Request", "/p/api/tax_ids");
      assertThat(page.locator("#tax-ids").getByText("Error: This tax ID is not valid for the selected type.")).isVisible();
      assertThat(value).hasAttribute("aria-invalid", "true");
      assertThat(value).isFocused();
      assertEquals(0, stripe.v1().customers().taxIds().list(customer).getData().size(), "the invalid tax ID is not saved");
      checkPage(page, "tax ID with a field error");

      value.fill("DE123456789");
      button(page, "Add tax ID").click();
      assertNotice(page, "Your tax ID has been added.");
      List<TaxId> ids = stripe.v1().customers().taxIds().list(customer).getData();
      assertEquals(1, ids.size(), ids.toString());
      assertEquals("eu_vat", ids.get(0).getType());
      assertEquals("DE123456789", ids.get(0).getValue());
      assertThat(page.locator("#tax-ids")).containsText("EU VAT · DE123456789");
      assertThat(value).not().hasAttribute("aria-invalid", "true");
      checkPage(page, "tax ID section with a tax ID");
    }
  }

  @Test
  void payingAnOpenInvoiceAndDownloadingItsPdf() throws StripeException, IOException {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    f.attachCard(customer, "pm_card_mastercard");
    PortalFixtures.ok(TestStack.post("/v1/subscriptions", f.key, "customer=" + customer + "&items[0][price]=" + euroMonthly));
    PortalBillingFixtures.tick();
    String openSub = PortalFixtures.ok(TestStack.post("/v1/subscriptions", f.key, "customer=" + customer + "&items[0][price]=" + euroMonthly
        + "&collection_method=send_invoice&days_until_due=30")).get("id").asText();
    String invoiceId = stripe.v1().subscriptions().retrieve(openSub).getLatestInvoice();
    Invoice open = stripe.v1().invoices().retrieve(invoiceId);
    assertEquals("open", open.getStatus());
    String number = open.getNumber();
    String url = session(customer, null);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = openPortal(context, url, "Manage your billing");
      Locator invoices = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Invoice history"));
      assertThat(invoices.getByRole(AriaRole.ROW)).hasCount(3);
      assertThat(invoices).containsText("You have 1 unpaid invoice.");
      assertThat(page.locator("li[data-payment-method]")).hasCount(2);
      checkPage(page, "home with two cards, a paid and an open invoice");

      Locator row = invoices.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(number));
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pay €10.00")).click();
      assertNotice(page, "Thank you! Your payment was successful.");
      assertEquals("paid", stripe.v1().invoices().retrieve(invoiceId).getStatus());
      assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
      assertThat(row).containsText("Paid");
      checkPage(page, "home after paying an invoice");

      Download download = page.waitForDownload(() ->
          row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Download PDF$"))).click());
      assertTrue(download.suggestedFilename().endsWith(".pdf"), download.suggestedFilename());
      assertTrue(download.suggestedFilename().contains(number), download.suggestedFilename());
      byte[] pdf = Files.readAllBytes(download.path());
      assertTrue(pdf.length > 100 && new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"),
          "not a PDF: " + new String(pdf, 0, Math.min(20, pdf.length), StandardCharsets.ISO_8859_1));
      assertNoConsoleErrors(page);
    }
  }

  @Test
  void billingDetailsAndTaxIdsInGerman() throws StripeException {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    String url = session(customer, SessionCreateParams.Locale.DE);
    try (BrowserContext context = PortalBrowser.newContext("de-DE")) {
      Page page = openPortal(context, url, "Abrechnung verwalten");
      assertEquals("de", page.evaluate("() => document.documentElement.lang"));
      link(page, "Informationen ändern").click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Informationen ändern").setLevel(1))).isVisible();
      checkPage(page, "billing form (de)");

      Locator address = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Rechnungsadresse"));
      label(address, "Adresszeile 1").fill("Marienplatz 8");
      label(address, "Ort").fill("München");
      label(address, "Postleitzahl").fill("80331");
      label(address, "Land oder Region").selectOption(new SelectOption().setLabel("Deutschland"));
      button(page, "Speichern").click();
      assertNotice(page, "Ihre Rechnungsinformationen wurden aktualisiert.");
      assertThat(page.locator("dl.details")).containsText("Marienplatz 8, 80331 München, Deutschland");
      Address saved = stripe.v1().customers().retrieve(customer).getAddress();
      assertEquals("München", saved.getCity());
      assertEquals("DE", saved.getCountry());
      checkPage(page, "home with an address (de)");

      link(page, "Steuernummer hinzufügen").click();
      Locator value = label(page, "Steuernummer");
      assertThat(value).isFocused();
      label(page, "Art").selectOption(new SelectOption().setLabel("EU VAT"));
      value.fill("XX123");
      button(page, "Steuernummer hinzufügen").click();
      expectRefusal(400, "Bad Request", "/p/api/tax_ids");
      assertThat(page.locator("#tax-ids").getByText("Fehler: Diese Steuernummer ist für die gewählte Art ungültig.")).isVisible();
      checkPage(page, "tax ID with a field error (de)");
      value.fill("DE123456789");
      button(page, "Steuernummer hinzufügen").click();
      assertNotice(page, "Ihre Steuernummer wurde hinzugefügt.");
      List<TaxId> ids = stripe.v1().customers().taxIds().list(customer).getData();
      assertEquals(List.of("DE123456789"), ids.stream().map(TaxId::getValue).toList());
      checkPage(page, "tax ID section with a tax ID (de)");
    }
  }
}
