package io.portico.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deep links ({@code flow_data}) in a real browser: each flow type opens on its own page, the action
 * that completes it follows the session's {@code after_completion} (back home with a message, the
 * hosted confirmation with the merchant's message, or a redirect), and a flow that can no longer be
 * done says why on the home page. Sessions are made with stripe-java; outcomes are read back with it.
 */
class PortalBrowserFlowsTest {
  private static final String THANKS_URL = "https://shop.example/thanks";
  private static CancelFixtures c;
  private static String business;

  @BeforeAll
  static void setUp() {
    c = new CancelFixtures();
    business = c.f.merchant.account().businessName();
  }

  /** A session of {@code customer} with the fixtures' configuration and {@code flow}; returns its URL. */
  private static String session(String customer, FlowData flow) throws StripeException {
    return c.stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder()
        .setCustomer(customer).setConfiguration(c.f.configuration).setReturnUrl("https://shop.example/account")
        .setLocale(SessionCreateParams.Locale.EN).setFlowData(flow).build()).getUrl();
  }

  private static Page open(BrowserContext context, String url) {
    Page page = context.newPage();
    page.navigate(url);
    return page;
  }

  /** The view's heading once the script has shown it (the frame's "Loading" is gone). */
  private static void assertHeading(Page page, String heading) {
    assertThat(page.locator("main h1")).hasText(heading, new LocatorAssertions.HasTextOptions().setTimeout(PortalBrowser.TIMEOUT_MS));
  }

  private static Subscription subscription(String id) throws StripeException {
    return c.stripe.v1().subscriptions().retrieve(id);
  }

  @Test
  void paymentMethodUpdateStartsOnTheAddCardPageAndEndsHomeWithAMessage() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    String before = c.stripe.v1().customers().retrieve(s.customer()).getInvoiceSettings().getDefaultPaymentMethod();
    String url = session(s.customer(), FlowData.builder().setType(FlowData.Type.PAYMENT_METHOD_UPDATE)
        .setAfterCompletion(FlowData.AfterCompletion.builder().setType(FlowData.AfterCompletion.Type.PORTAL_HOMEPAGE).build()).build());
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, url);
      assertHeading(page, "Add payment method");
      assertTrue(page.url().endsWith("#/payment-methods/new"), page.url());
      page.getByLabel("Card number").fill("4242 4242 4242 4242");
      page.getByLabel("Expiration date").pressSequentially("1234");
      page.getByLabel("Security code").fill("123");
      assertEquals("Cancelling Customer", page.getByLabel("Name on card").inputValue(), "the customer's name is filled in");
      PortalBrowser.assertAccessible(page, "add card (payment_method_update flow)");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save card")).click();

      assertHeading(page, "Manage your billing");
      assertTrue(page.url().endsWith("#/"), page.url());
      assertEquals("Your payment method has been added.", page.locator("main > .alert.success").innerText().strip());
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Customer customer = c.stripe.v1().customers().retrieve(s.customer());
    String now = customer.getInvoiceSettings().getDefaultPaymentMethod();
    assertNotEquals(before, now, "the new card became the default");
    assertEquals("4242", c.stripe.v1().paymentMethods().retrieve(now).getCard().getLast4());
    assertEquals(2, c.stripe.v1().customers().paymentMethods().list(s.customer()).getData().size());
  }

  @Test
  void subscriptionCancelStartsOnItsCancelPageAndEndsOnTheHostedConfirmation() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    String other = c.f.subscribe(s.customer(), c.f.proMonthly, 1);
    String url = session(s.customer(), FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_CANCEL)
        .setSubscriptionCancel(FlowData.SubscriptionCancel.builder().setSubscription(s.subscription()).build())
        .setAfterCompletion(FlowData.AfterCompletion.builder().setType(FlowData.AfterCompletion.Type.HOSTED_CONFIRMATION)
            .setHostedConfirmation(FlowData.AfterCompletion.HostedConfirmation.builder().setCustomMessage("Sorry to see you go, come back soon.").build())
            .build())
        .build());
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, url);
      assertHeading(page, "Cancel your plan");
      assertTrue(page.url().endsWith("#/subscriptions/" + s.subscription() + "/cancel"), "the flow's subscription, not " + other + ": " + page.url());
      page.getByLabel("Some features are missing").check();
      PortalBrowser.assertAccessible(page, "cancel (subscription_cancel flow)");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel plan")).click();

      assertHeading(page, "All done");
      assertTrue(page.url().endsWith("#/done"), page.url());
      assertEquals("Sorry to see you go, come back soon.", page.locator("main .confirmation-message").innerText().strip());
      Locator back = page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Return to " + business));
      assertEquals("https://shop.example/account", back.getAttribute("href"));
      PortalBrowser.assertAccessible(page, "hosted confirmation");
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription canceled = subscription(s.subscription());
    assertEquals("active", canceled.getStatus(), "the configuration cancels at the period's end");
    assertTrue(canceled.getCancelAtPeriodEnd());
    assertEquals("missing_features", canceled.getCancellationDetails().getFeedback());
    assertFalse(subscription(other).getCancelAtPeriodEnd(), "the other subscription is untouched");
  }

  @Test
  void subscriptionUpdateStartsOnItsUpdatePageAndRedirectsWhenDone() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    String url = session(s.customer(), FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_UPDATE)
        .setSubscriptionUpdate(FlowData.SubscriptionUpdate.builder().setSubscription(s.subscription()).build())
        .setAfterCompletion(FlowData.AfterCompletion.builder().setType(FlowData.AfterCompletion.Type.REDIRECT)
            .setRedirect(FlowData.AfterCompletion.Redirect.builder().setReturnUrl(THANKS_URL + "?from=portal").build()).build())
        .build());
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      AtomicInteger shopVisits = new AtomicInteger();
      // The merchant's site, served by Playwright: no network.
      context.route("https://shop.example/**", (Route route) -> {
        shopVisits.incrementAndGet();
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8")
            .setBody("<!doctype html><html lang=\"en\"><title>Thanks</title><h1>Thanks from the shop</h1></html>"));
      });
      Page page = open(context, url);
      assertHeading(page, "Update your plan");
      assertTrue(page.url().endsWith("#/subscriptions/" + s.subscription() + "/update"), page.url());
      page.locator("label.choice", new Page.LocatorOptions().setHasText(Pattern.compile("Pro.*\\$20\\.00 per month"))).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
      Locator preview = page.locator(".preview");
      preview.waitFor();
      assertTrue(preview.innerText().contains("Review your change"), preview.innerText());
      PortalBrowser.assertAccessible(page, "update with preview (subscription_update flow)");
      PortalBrowser.assertNoConsoleErrors(page);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm change")).click();

      page.waitForURL(THANKS_URL + "?from=portal");
      assertEquals("Thanks from the shop", page.locator("h1").innerText().strip());
      assertEquals(1, shopVisits.get());
    }
    Subscription updated = subscription(s.subscription());
    assertEquals(c.f.proMonthly, updated.getItems().getData().get(0).getPrice().getId());
    assertEquals("active", updated.getStatus());
  }

  @Test
  void subscriptionUpdateConfirmShowsThePreparedChangeAndAppliesIt() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    String item = subscription(s.subscription()).getItems().getData().get(0).getId();
    String team = c.f.price("Team", 4500, "month");
    String coupon = c.stripe.v1().coupons().create(CouponCreateParams.builder().setAmountOff(500L).setCurrency("usd")
        .setDuration(CouponCreateParams.Duration.ONCE).build()).getId();
    String url = session(s.customer(), FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_UPDATE_CONFIRM)
        .setSubscriptionUpdateConfirm(FlowData.SubscriptionUpdateConfirm.builder().setSubscription(s.subscription())
            .addItem(FlowData.SubscriptionUpdateConfirm.Item.builder().setId(item).setPrice(team).setQuantity(2L).build())
            .addDiscount(FlowData.SubscriptionUpdateConfirm.Discount.builder().setCoupon(coupon).build())
            .build())
        .build());
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, url);
      assertHeading(page, "Review your change");
      assertTrue(page.url().endsWith("#/flow/update-confirm"), page.url());
      Locator main = page.locator("main");
      assertTrue(main.innerText().contains("Team × 2"), "the prepared items are listed: " + main.innerText());
      Locator preview = page.locator(".preview");
      assertTrue(preview.innerText().contains("Amount due today"), preview.innerText());
      assertTrue(preview.innerText().contains("Remaining time on Team × 2"), "the lines name the new plan, not its ids: " + preview.innerText());
      assertFalse(main.innerText().contains("price_") || main.innerText().contains("prod_"), main.innerText());
      assertTrue(preview.innerText().contains("Discount"), "the merchant's coupon shows: " + preview.innerText());
      assertTrue(preview.locator("[data-amount-due]").count() + preview.locator("[data-amount-due-now]").count() >= 1);
      PortalBrowser.assertAccessible(page, "update confirm (subscription_update_confirm flow)");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm change")).click();

      assertHeading(page, "Manage your billing");
      assertEquals("Your plan has been updated.", page.locator("main > .alert.success").innerText().strip());
      assertTrue(page.locator("[data-subscription='" + s.subscription() + "']").innerText().contains("Team"),
          page.locator("[data-subscription='" + s.subscription() + "']").innerText());
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription updated = subscription(s.subscription());
    assertEquals(team, updated.getItems().getData().get(0).getPrice().getId());
    assertEquals(2L, updated.getItems().getData().get(0).getQuantity());
    assertEquals(1, updated.getDiscounts().size(), "the merchant's coupon applies");
    assertEquals(1L, c.stripe.v1().coupons().retrieve(coupon).getTimesRedeemed());
  }

  @Test
  void aFlowOnAnEndedSubscriptionSaysWhyOnTheHomePage() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    c.stripe.v1().subscriptions().cancel(s.subscription());
    for (FlowData flow : List.of(
        FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_CANCEL)
            .setSubscriptionCancel(FlowData.SubscriptionCancel.builder().setSubscription(s.subscription()).build()).build(),
        FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_UPDATE)
            .setSubscriptionUpdate(FlowData.SubscriptionUpdate.builder().setSubscription(s.subscription()).build()).build())) {
      String url = session(s.customer(), flow);
      try (BrowserContext context = PortalBrowser.newContext("en-US")) {
        Page page = open(context, url);
        assertHeading(page, "Manage your billing");
        Locator reason = page.locator("main > div.alert[role=status]");
        assertEquals("This subscription has ended.", reason.innerText().strip(), flow.getType().toString());
        assertFalse(page.url().contains("/subscriptions/"), "stays home: " + page.url());
        PortalBrowser.assertAccessible(page, "home with the flow's reason");
        PortalBrowser.assertNoConsoleErrors(page);
      }
    }
    assertEquals("canceled", subscription(s.subscription()).getStatus());
  }
}
