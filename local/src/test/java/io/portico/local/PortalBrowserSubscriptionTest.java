package io.portico.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.billingportal.Session;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer managing a subscription in the hosted portal, in real Chromium: each test opens a
 * session created with stripe-java, clicks through the pages by their visible English texts and
 * roles, and checks the outcome through the merchant API (stripe-java). Every distinct page is
 * checked with axe-core, and no page may log an error.
 *
 * <p>One merchant and catalogue ({@link PortalFixtures}: Basic 10.00/month, Pro 20.00/month and
 * 200.00/year) serve the whole class; each test subscribes its own customer.
 */
class PortalBrowserSubscriptionTest {
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private static PortalFixtures f;
  private static StripeClient stripe;
  /** Changes invoice at once ({@code always_invoice}); Basic's quantity adjustable from 2 to 10. */
  private static String invoicingConfig;
  private static String promotionCoupon;
  private static String promotionCode;

  @BeforeAll
  static void catalogue() {
    PlaywrightAssertions.setDefaultAssertionTimeout(PortalBrowser.TIMEOUT_MS);
    f = new PortalFixtures();
    stripe = TestStack.stripe(f.key);
    invoicingConfig = PlanChanges.config(f, "&features[subscription_update][proration_behavior]=always_invoice"
        + "&features[subscription_update][products][0][adjustable_quantity][enabled]=true"
        + "&features[subscription_update][products][0][adjustable_quantity][minimum]=2"
        + "&features[subscription_update][products][0][adjustable_quantity][maximum]=10");
    promotionCoupon = PortalFixtures.ok(TestStack.post("/v1/coupons", f.key, "percent_off=20&duration=forever")).get("id").asText();
    promotionCode = PortalFixtures.ok(TestStack.post("/v1/promotion_codes", f.key, "promotion[type]=coupon&promotion[coupon]=" + promotionCoupon + "&code=SAVE20")).get("id").asText();
  }

  // ---- the tests ----------------------------------------------------------------------------------

  @Test
  void switchPlanWithPromotionCodePaysThePreviewedAmount() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 2);
    String invoiceBefore = stripe.v1().subscriptions().retrieve(subscription).getLatestInvoice();
    long previewed;
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer, invoicingConfig, null));
      home(page, "portal home");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Update plan")).click();
      assertHeading(page, "Update your plan");
      Locator basic = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Basic · $10.00 per month"));
      assertThat(basic).isChecked();
      PortalBrowser.assertAccessible(page, "update plan form");

      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Pro · $20.00 per month")).check();
      page.getByLabel("Promotion code (optional)").fill("SAVE20");
      button(page, "Continue").click();

      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review your change"))).isVisible();
      assertThat(page.getByText("Code SAVE20 applied")).isVisible();
      Locator total = page.locator(".preview-now td[data-amount-due]");
      assertThat(total).isVisible();
      previewed = Long.parseLong(total.getAttribute("data-amount-due"));
      assertTrue(previewed > 0, "the switch up costs something today: " + previewed);
      assertEquals(money(previewed), total.innerText().strip(), "the total shows the amount it carries");
      assertThat(page.locator(".preview-now")).containsText("Amount due today");
      assertThat(page.locator(".preview-now")).containsText("Discount");
      // Seed: the terms of service and privacy policy are linked where a subscription changes.
      assertThat(page.locator(".terms-notice a").first()).hasAttribute("href", java.util.regex.Pattern.compile(".*/terms$"));
      assertThat(page.locator(".terms-notice a").nth(1)).hasAttribute("href", java.util.regex.Pattern.compile(".*/privacy$"));
      assertThat(page.locator(".terms-notice")).containsText("By confirming, you agree to the Terms of service");
      PortalBrowser.assertAccessible(page, "update preview");

      button(page, "Confirm change").click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your plan has been updated.");
      assertHeading(page, "Manage your billing");
      assertThat(page.locator("[data-subscription='" + subscription + "'] h3")).hasText("Pro");
      PortalBrowser.assertAccessible(page, "portal home after the change");
      PortalBrowser.assertNoConsoleErrors(page);
    }

    Subscription after = stripe.v1().subscriptions().retrieve(subscription);
    SubscriptionItem item = after.getItems().getData().get(0);
    assertEquals(f.proMonthly, item.getPrice().getId(), "the subscription moved to Pro monthly");
    assertEquals(2L, item.getQuantity(), "the quantity is kept");
    assertEquals(1, after.getDiscounts().size(), "one discount: " + after.getDiscounts());
    assertEquals(1L, stripe.v1().promotionCodes().retrieve(promotionCode).getTimesRedeemed(), "the typed code was redeemed");
    assertEquals(1L, stripe.v1().coupons().retrieve(promotionCoupon).getTimesRedeemed(), "its coupon was redeemed");
    assertRenewalDiscount(subscription, after.getDiscounts().get(0), 4000, 800); // 2 x Pro, 20% off
    assertNotEquals(invoiceBefore, after.getLatestInvoice(), "always_invoice issued a new invoice");
    Invoice invoice = stripe.v1().invoices().retrieve(after.getLatestInvoice());
    assertEquals(previewed, invoice.getAmountDue(), "the invoice charges what the preview showed");
    assertTrue(invoice.getTotalDiscountAmounts().stream().mapToLong(d -> d.getAmount()).sum() > 0, "the invoice is discounted");
    assertEquals(after.getDiscounts(), invoice.getTotalDiscountAmounts().stream().map(Invoice.TotalDiscountAmount::getDiscount).toList(),
        "by the subscription's discount");
  }

  @Test
  void changeQuantityOnly() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 2);
    List<String> previews = new ArrayList<>();
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer, invoicingConfig, null));
      page.onRequest(r -> {
        if (r.url().contains("/preview") || r.url().endsWith("/update")) previews.add(r.method() + " " + r.url());
      });
      home(page, "portal home");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Update plan")).click();
      assertHeading(page, "Update your plan");
      Locator quantity = page.getByLabel("Quantity", new Page.GetByLabelOptions().setExact(true));
      assertThat(quantity).hasValue("2");
      assertThat(page.getByText("Choose a quantity from 2 to 10.")).isVisible();

      // Below the product's minimum: the field says so and nothing is sent.
      quantity.fill("1");
      button(page, "Continue").click();
      assertThat(quantity).hasAttribute("aria-invalid", "true");
      Locator error = page.locator(".field-error");
      assertThat(error).hasText("Error: The quantity must be at least 2.");
      assertThat(quantity).isFocused();
      assertTrue(((String) quantity.getAttribute("aria-describedby")).contains(error.getAttribute("id")), "the error is tied to its field");
      PortalBrowser.assertAccessible(page, "update plan form with a field error");
      assertEquals(List.of(), previews, "an invalid quantity sends nothing");

      // Typing, then the stepper: 4, +1 = 5, +1 = 6, -1 = 5.
      quantity.fill("4");
      button(page, "Increase quantity").click();
      assertThat(error).hasCount(0);
      assertThat(quantity).not().hasAttribute("aria-invalid", "true");
      button(page, "Increase quantity").click();
      button(page, "Decrease quantity").click();
      assertThat(quantity).hasValue("5");
      button(page, "Continue").click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review your change"))).isVisible();
      assertThat(page.locator(".preview-now")).containsText("× 5");
      PortalBrowser.assertAccessible(page, "update preview (quantity)");

      // A change after the preview withdraws it (it quoted 5): the stepper as much as typing.
      button(page, "Increase quantity").click();
      assertThat(quantity).hasValue("6");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review your change"))).hasCount(0);
      assertThat(button(page, "Confirm change")).hasCount(0);
      button(page, "Continue").click();
      assertThat(page.locator(".preview-now")).containsText("× 6");
      button(page, "Confirm change").click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your plan has been updated.");
      assertThat(page.locator("[data-subscription='" + subscription + "']")).containsText("Quantity: 6");
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription after = stripe.v1().subscriptions().retrieve(subscription);
    SubscriptionItem item = after.getItems().getData().get(0);
    assertEquals(6L, item.getQuantity());
    assertEquals(f.basicMonthly, item.getPrice().getId(), "the price is kept");
  }

  @Test
  void cancelAtPeriodEndWithAReason() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 1);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer, f.configuration, null));
      home(page, "portal home");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel plan")).click();
      assertHeading(page, "Cancel your plan");
      PortalBrowser.assertAccessible(page, "cancel page");

      page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("It's too expensive")).check();
      button(page, "Cancel plan").click();

      Subscription after = stripe.v1().subscriptions().retrieve(subscription);
      String ends = LONG_DATE.format(Instant.ofEpochSecond(after.getItems().getData().get(0).getCurrentPeriodEnd()));
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your subscription has been cancelled. You can keep using it until " + ends + ".");
      assertHeading(page, "Manage your billing");
      Locator card = page.locator("[data-subscription='" + subscription + "']");
      assertThat(card).containsText("Cancels on " + ends);
      assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Renew plan"))).isVisible();
      PortalBrowser.assertAccessible(page, "portal home, cancelling");
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription after = stripe.v1().subscriptions().retrieve(subscription);
    assertEquals(Boolean.TRUE, after.getCancelAtPeriodEnd());
    assertEquals("active", after.getStatus());
    assertEquals("too_expensive", after.getCancellationDetails().getFeedback());
  }

  @Test
  void acceptRetentionOfferInsteadOfCancelling() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 1);
    String coupon = PortalFixtures.ok(TestStack.post("/v1/coupons", f.key, "percent_off=50&duration=repeating&duration_in_months=3")).get("id").asText();
    SessionCreateParams.FlowData flow = SessionCreateParams.FlowData.builder()
        .setType(SessionCreateParams.FlowData.Type.SUBSCRIPTION_CANCEL)
        .setSubscriptionCancel(SessionCreateParams.FlowData.SubscriptionCancel.builder()
            .setSubscription(subscription)
            .setRetention(SessionCreateParams.FlowData.SubscriptionCancel.Retention.builder()
                .setType(SessionCreateParams.FlowData.SubscriptionCancel.Retention.Type.COUPON_OFFER)
                .setCouponOffer(SessionCreateParams.FlowData.SubscriptionCancel.Retention.CouponOffer.builder().setCoupon(coupon).build())
                .build())
            .build())
        .build();
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer, f.configuration, flow));
      assertHeading(page, "Cancel your plan");
      assertTrue(page.url().endsWith("#/subscriptions/" + subscription + "/cancel"), page.url());
      PortalBrowser.assertAccessible(page, "cancel page (flow)");

      button(page, "Cancel plan").click();
      Locator offer = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Before you go"));
      assertThat(offer).isVisible();
      assertThat(offer).isFocused();
      assertThat(page.getByText("Stay with us and get 50% off for 3 months.")).isVisible();
      assertThat(button(page, "Cancel plan")).isHidden();
      PortalBrowser.assertAccessible(page, "retention offer");

      button(page, "Accept offer").click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("The discount has been applied. Your subscription continues.");
      assertHeading(page, "Manage your billing");
      PortalBrowser.assertAccessible(page, "portal home after the offer");
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription after = stripe.v1().subscriptions().retrieve(subscription);
    assertEquals(Boolean.FALSE, after.getCancelAtPeriodEnd(), "the subscription is not cancelling");
    assertEquals(null, after.getCancelAt());
    assertEquals("active", after.getStatus());
    assertEquals(1, after.getDiscounts().size(), "one discount: " + after.getDiscounts());
    assertEquals(1L, stripe.v1().coupons().retrieve(coupon).getTimesRedeemed(), "the retention coupon was redeemed");
    assertRenewalDiscount(subscription, after.getDiscounts().get(0), 1000, 500); // Basic, 50% off
  }

  @Test
  void renewASubscriptionSetToCancel() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 1);
    stripe.v1().subscriptions().update(subscription, SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer, f.configuration, null));
      home(page, "portal home, cancelling");
      Locator card = page.locator("[data-subscription='" + subscription + "']");
      assertThat(card).containsText("Cancels on");
      card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Renew plan")).click();
      assertHeading(page, "Renew your plan");
      assertThat(page.locator("main")).containsText(Pattern.compile("It renews on \\w+ \\d{1,2}, \\d{4}\\."));
      PortalBrowser.assertAccessible(page, "renew page");

      button(page, "Renew plan").click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your plan has been renewed.");
      assertHeading(page, "Manage your billing");
      assertThat(card).containsText(Pattern.compile("Renews on|Next charge"));
      assertThat(card).not().containsText("Cancels on");
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription after = stripe.v1().subscriptions().retrieve(subscription);
    assertFalse(after.getCancelAtPeriodEnd());
    assertEquals("active", after.getStatus());
  }

  // ---- helpers --------------------------------------------------------------------------------------

  /** A portal session for {@code customer} made with stripe-java; {@code flow} may be null. */
  private static String session(String customer, String configuration, SessionCreateParams.FlowData flow) throws StripeException {
    SessionCreateParams.Builder params = SessionCreateParams.builder().setCustomer(customer).setConfiguration(configuration)
        .setReturnUrl("https://shop.example/account");
    if (flow != null) params.setFlowData(flow);
    Session session = stripe.v1().billingPortal().sessions().create(params.build());
    return session.getUrl();
  }

  /** Opens a session link; the page shows its first view (its h1 is focused once a view is rendered). */
  private static Page open(BrowserContext context, String url) {
    Page page = context.newPage();
    page.navigate(url);
    assertThat(page.locator("main h1")).isVisible();
    return page;
  }

  /** The home page, checked for accessibility once its subscriptions are listed. */
  private static void home(Page page, String name) {
    assertHeading(page, "Manage your billing");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Subscriptions"))).isVisible();
    PortalBrowser.assertAccessible(page, name);
  }

  private static void assertHeading(Page page, String text) {
    assertThat(page.locator("main h1")).hasText(text);
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static String money(long cents) {
    return String.format(Locale.US, "$%,d.%02d", cents / 100, cents % 100);
  }

  /** The subscription's next renewal (create_preview) is discounted by {@code discount}: {@code off} of {@code subtotal}. */
  private static void assertRenewalDiscount(String subscription, String discount, long subtotal, long off) throws StripeException {
    Invoice renewal = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(subscription).build());
    assertEquals(subtotal, renewal.getSubtotal(), "renewal subtotal");
    assertEquals(1, renewal.getTotalDiscountAmounts().size(), "renewal discounts");
    assertEquals(discount, renewal.getTotalDiscountAmounts().get(0).getDiscount());
    assertEquals(off, renewal.getTotalDiscountAmounts().get(0).getAmount(), "renewal discount amount");
    assertEquals(subtotal - off, renewal.getTotal(), "renewal total");
  }
}
