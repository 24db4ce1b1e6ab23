package io.portico.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.param.billingportal.SessionCreateParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "every action reachable by keyboard; labels for every input; readable at 320 px":
 * the portal driven by the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys; no clicks),
 * every focus stop visible and showing a focus indicator; every form control of every view named;
 * the forms and the invoice list at 320 px without sideways scrolling; and the session-expiry
 * warning, reached on Playwright's clock rather than by waiting. Outcomes are checked through
 * stripe-java as the merchant sees them.
 */
class PortalBrowserKeyboardTest {
  private static final int MAX_TABS = 25;
  private static PortalFixtures f;
  private static StripeClient stripe;

  @BeforeAll
  static void catalogue() {
    PlaywrightAssertions.setDefaultAssertionTimeout(PortalBrowser.TIMEOUT_MS);
    f = new PortalFixtures();
    stripe = TestStack.stripe(f.key);
  }

  // ---- keyboard only ------------------------------------------------------------------------------

  @Test
  void skipLinkThenSwitchPlanByKeyboard() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 1);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer));
      String homeUrl = page.url();

      // The first Tab stop is the skip link; it moves the focus to main and leaves the page where it is.
      Map<String, Object> first = tab(page, "Tab");
      assertEquals("Skip to main content", first.get("text"), "the first Tab stop: " + first);
      page.keyboard().press("Enter");
      assertTrue(isFocused(page.locator("main")), "the skip link focuses main, not " + focused(page));
      assertEquals(homeUrl, page.url(), "the skip link does not navigate the portal");
      assertHeading(page, "Manage your billing");

      Locator update = page.locator("[data-subscription='" + subscription + "'] a", new Page.LocatorOptions().setHasText("Update plan"));
      tabTo(page, update, 3);
      page.keyboard().press("Enter");
      assertHeading(page, "Update your plan");
      Locator basic = plan(page, "Basic · $10.00 per month");
      Locator pro = plan(page, "Pro · $20.00 per month");
      tabTo(page, basic, 4);
      assertThat(basic).isChecked();
      page.keyboard().press("ArrowDown");
      assertThat(pro).isChecked();
      assertThat(pro).isFocused();
      assertIndicator(page);
      Locator continueButton = button(page, "Continue");
      tabTo(page, continueButton, 8);
      // Shift+Tab goes back through the same stops, and Tab forward again.
      tab(page, "Shift+Tab");
      tabTo(page, continueButton, 1);
      page.keyboard().press("Enter");
      Locator confirm = button(page, "Confirm change");
      assertThat(confirm).isVisible();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review your change"))).isVisible();
      assertThat(confirm).isFocused(); // the preview hands the focus to its confirmation
      assertIndicator(page);
      PortalBrowser.assertAccessible(page, "update preview, keyboard");
      page.keyboard().press("Enter");

      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your plan has been updated.");
      assertHeading(page, "Manage your billing");
      assertThat(page.locator("main h1")).isFocused();
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription after = stripe.v1().subscriptions().retrieve(subscription);
    assertEquals(f.proMonthly, after.getItems().getData().get(0).getPrice().getId(), "the keyboard switched the plan to Pro monthly");
  }

  @Test
  void cancelWithAReasonByKeyboard() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 1);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer));
      tabTo(page, page.locator("[data-subscription='" + subscription + "'] a", new Page.LocatorOptions().setHasText("Cancel plan")), 6);
      page.keyboard().press("Enter");
      assertHeading(page, "Cancel your plan");
      // Back (Shift+Tab) to the skip link: it moves the focus to main and stays on this page.
      Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to main content"));
      shiftTabTo(page, skip, 4);
      page.keyboard().press("Enter");
      assertTrue(isFocused(page.locator("main")), "the skip link focuses main, not " + focused(page));
      assertHeading(page, "Cancel your plan");

      Locator first = radio(page, "It's too expensive");
      Locator second = radio(page, "Some features are missing");
      tabTo(page, first, 4); // no reason chosen yet: Tab enters the group at its first radio
      page.keyboard().press("ArrowDown");
      assertThat(second).isChecked();
      assertThat(second).isFocused();
      assertThat(first).not().isChecked();
      assertIndicator(page);
      tabTo(page, button(page, "Cancel plan"), 4);
      page.keyboard().press("Enter");

      assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your subscription has been cancelled.");
      assertHeading(page, "Manage your billing");
      assertThat(page.locator("main h1")).isFocused();
      PortalBrowser.assertNoConsoleErrors(page);
    }
    Subscription after = stripe.v1().subscriptions().retrieve(subscription);
    assertEquals(Boolean.TRUE, after.getCancelAtPeriodEnd());
    assertEquals("missing_features", after.getCancellationDetails().getFeedback(), "the reason chosen with the arrow keys");
  }

  @Test
  void paymentMethodsByKeyboard() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    f.subscribe(customer, f.basicMonthly, 1);
    String visa = stripe.v1().customers().retrieve(customer).getInvoiceSettings().getDefaultPaymentMethod();
    String mastercard = f.attachCard(customer, "pm_card_mastercard");
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer));

      tabTo(page, button(page, "Actions for Mastercard ending in 4444: Make default"), 10);
      page.keyboard().press("Enter");
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your default payment method has been updated.");
      assertThat(page.locator("li[data-payment-method='" + mastercard + "']")).containsText("Default");
      assertThat(page.locator("main h1")).isFocused();
      assertEquals(mastercard, stripe.v1().customers().retrieve(customer).getInvoiceSettings().getDefaultPaymentMethod());

      // Remove the Visa, then think better of it: the focus comes back to its Remove button.
      Locator remove = button(page, "Actions for Visa ending in 4242: Remove");
      tabTo(page, remove, 10);
      page.keyboard().press("Space");
      Locator box = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Remove this payment method?"));
      assertThat(box).isVisible();
      Locator confirmRemove = box.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove").setExact(true));
      assertThat(confirmRemove).isFocused();
      assertIndicator(page);
      PortalBrowser.assertAccessible(page, "home, confirming a removal (keyboard)");
      tabTo(page, box.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel").setExact(true)), 1);
      page.keyboard().press("Enter");
      assertThat(box).hasCount(0);
      assertThat(remove).isFocused();
      assertIndicator(page);
      // Escape closes the question too, and gives the focus back the same way.
      page.keyboard().press("Space");
      assertThat(box).isVisible();
      page.keyboard().press("Escape");
      assertThat(box).hasCount(0);
      assertThat(remove).isFocused();
      PortalBrowser.assertNoConsoleErrors(page);
    }
    List<String> cards = stripe.v1().paymentMethods().list(com.stripe.param.PaymentMethodListParams.builder().setCustomer(customer).build())
        .getData().stream().map(pm -> pm.getId()).sorted().toList();
    assertEquals(List.of(mastercard, visa).stream().sorted().toList(), cards, "cancelling the removal kept the card");
  }

  // ---- labels ---------------------------------------------------------------------------------------

  @Test
  void everyFormControlHasAName() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 1);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = open(context, session(customer));
      assertLabelled(page, "home", 0);
      go(page, "#/subscriptions/" + subscription + "/update", "Update your plan");
      assertLabelled(page, "update plan", 3);
      go(page, "#/subscriptions/" + subscription + "/cancel", "Cancel your plan");
      assertLabelled(page, "cancel", 3);
      go(page, "#/payment-methods/new", "Add payment method");
      assertLabelled(page, "add card", 5);
      go(page, "#/billing", "Update information");
      assertLabelled(page, "billing details and tax IDs", 10);
      PortalBrowser.assertNoConsoleErrors(page);
    }
  }

  // ---- 320 px ---------------------------------------------------------------------------------------

  @Test
  void formsAndInvoicesFitA320PxScreen() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    String subscription = f.subscribe(customer, f.basicMonthly, 1);
    f.subscribe(customer, f.proMonthly, 1); // a second invoice in the list
    try (BrowserContext context = PortalBrowser.newMobileContext("en-US")) {
      Page page = open(context, session(customer));
      go(page, "#/subscriptions/" + subscription + "/update", "Update your plan");
      plan(page, "Pro · $20.00 per month").check();
      button(page, "Continue").click();
      assertThat(button(page, "Confirm change")).isVisible();
      assertFits(page, "update plan with its preview at 320 px");
      go(page, "#/subscriptions/" + subscription + "/cancel", "Cancel your plan");
      radio(page, "Other").check();
      assertThat(page.getByLabel("Tell us more (optional)")).isVisible();
      assertFits(page, "cancel at 320 px");
      go(page, "#/payment-methods/new", "Add payment method");
      assertFits(page, "add card at 320 px");
      go(page, "#/billing", "Update information");
      assertFits(page, "billing details at 320 px");
      go(page, "#/invoices", "Invoice history");
      assertThat(page.locator("table.invoices tbody tr")).hasCount(2);
      assertFits(page, "invoices at 320 px");
      PortalBrowser.assertNoConsoleErrors(page);
    }
  }

  // ---- session expiry -------------------------------------------------------------------------------

  @Test
  void sessionExpiryWarningAndStayingSignedIn() throws StripeException {
    String customer = PlanChanges.customer(f, null);
    f.subscribe(customer, f.basicMonthly, 1);
    String url = session(customer);
    try (BrowserContext context = PortalBrowser.newContext("en-US")) {
      Page page = context.newPage();
      // The browser's clock starts at the server's (TestStack.CLOCK, which stands still unless moved).
      page.clock().install(new Clock.InstallOptions().setTime(TestStack.CLOCK.instant().toEpochMilli()));
      page.navigate(url);
      assertHeading(page, "Manage your billing");
      Locator warning = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Your session will end in"));
      assertThat(warning).hasCount(0);

      // 54 minutes of reading: no warning yet (it comes 5 minutes before the hour of inactivity ends).
      page.clock().fastForward("54:00");
      assertThat(warning).hasCount(0);
      // 56 minutes, on both clocks: the session is still valid, and the page warns.
      TestStack.CLOCK.advance(Duration.ofMinutes(56));
      page.clock().fastForward("02:00");
      assertThat(warning).isVisible();
      assertThat(warning).hasText(Pattern.compile("Your session will end in [45] minutes unless you continue\\.\\s*Stay signed in"));
      PortalBrowser.assertAccessible(page, "home with the session-expiry warning");

      Locator stay = button(page, "Stay signed in");
      tabTo(page, stay, MAX_TABS);
      page.keyboard().press("Enter");
      assertThat(warning).hasCount(0);
      assertThat(page.locator("main h1")).isFocused(); // not dropped to the top of the document with the warning
      // The session slid by an hour: 54 more minutes bring no warning, and the session still works.
      page.clock().fastForward("54:00");
      assertThat(warning).hasCount(0);
      PortalBrowser.assertNoConsoleErrors(page);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private static String session(String customer) throws StripeException {
    return stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder().setCustomer(customer)
        .setConfiguration(f.configuration).setReturnUrl("https://shop.example/account").build()).getUrl();
  }

  private static Page open(BrowserContext context, String url) {
    Page page = context.newPage();
    page.navigate(url);
    assertHeading(page, "Manage your billing");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Subscriptions"))).isVisible();
    return page;
  }

  private static void go(Page page, String hash, String heading) {
    page.evaluate("h => { window.location.hash = h; }", hash);
    assertHeading(page, heading);
  }

  private static void assertHeading(Page page, String text) {
    assertThat(page.locator("main h1")).hasText(text);
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator radio(Page page, String name) {
    return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** A plan's radio: its name goes on with "Current plan" for the current one. */
  private static Locator plan(Page page, String name) {
    return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name));
  }

  private static boolean isFocused(Locator target) {
    return Boolean.TRUE.equals(target.evaluate("el => el === document.activeElement"));
  }

  /** What has the focus: tag, type, text, and whether it is on screen and shows a focus indicator. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> focused(Page page) {
    return (Map<String, Object>) page.evaluate("""
        () => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          const onScreen = r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > 0 && r.right > 0
            && r.top < window.innerHeight && r.left < window.innerWidth;
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          return { tag: el.tagName, type: el.getAttribute('type') || '', text: (el.innerText || el.value || '').trim().slice(0, 60),
            name: el.getAttribute('aria-label') || '', visible: onScreen, indicator: outline || !!shadow,
            outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow };
        }""");
  }

  /** Presses Tab (or Shift+Tab) and checks the stop it reaches: an element on screen with a visible focus indicator. */
  private static Map<String, Object> tab(Page page, String key) {
    page.keyboard().press(key);
    return assertIndicator(page);
  }

  private static Map<String, Object> assertIndicator(Page page) {
    Map<String, Object> el = focused(page);
    if ("BODY".equals(el.get("tag"))) fail("Tab left the focus nowhere (body)");
    if (!Boolean.TRUE.equals(el.get("visible"))) fail("the focused element is not on screen: " + el);
    if (!Boolean.TRUE.equals(el.get("indicator"))) fail("the focused element shows no focus indicator: " + el);
    return el;
  }

  /** Tabs forward until {@code target} has the focus, checking every stop on the way; at most {@code max} presses. */
  private static void tabTo(Page page, Locator target, int max) {
    assertThat(target).isVisible();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < max; i++) {
      Map<String, Object> el = tab(page, "Tab");
      path.append("\n  ").append(el.get("tag")).append(' ').append(el.get("type")).append(" '").append(el.get("text")).append("' ").append(el.get("name"));
      if (isFocused(target)) return;
    }
    fail("not reached in " + max + " Tab presses: " + target + "; went through:" + path);
  }

  private static void shiftTabTo(Page page, Locator target, int max) {
    for (int i = 0; i < max; i++) {
      tab(page, "Shift+Tab");
      if (isFocused(target)) return;
    }
    fail("not reached in " + max + " Shift+Tab presses: " + target + "; the focus is on " + focused(page));
  }

  /** Every input, select and textarea (but hidden inputs) has a non-empty label or an ARIA name; at least {@code atLeast} of them. */
  @SuppressWarnings("unchecked")
  private static void assertLabelled(Page page, String view, int atLeast) {
    Map<String, Object> r = (Map<String, Object>) page.evaluate("""
        () => {
          const controls = [...document.querySelectorAll('input, select, textarea')].filter((el) => el.type !== 'hidden');
          const named = (el) => [...(el.labels || [])].some((l) => l.textContent.trim())
            || (el.getAttribute('aria-label') || '').trim()
            || (el.getAttribute('aria-labelledby') || '').split(' ').some((id) => id && document.getElementById(id) && document.getElementById(id).textContent.trim());
          return { count: controls.length, unnamed: controls.filter((el) => !named(el)).map((el) => el.outerHTML) };
        }""");
    assertEquals(List.of(), r.get("unnamed"), view + ": controls without a label");
    assertTrue(((Number) r.get("count")).intValue() >= atLeast, view + " has " + r.get("count") + " controls, expected at least " + atLeast);
  }

  private static void assertFits(Page page, String name) {
    int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    if (scrollWidth > PortalBrowser.MOBILE_WIDTH) {
      Object wide = page.evaluate("() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 320)"
          + ".slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
      fail(name + ": the page is " + scrollWidth + " px wide; too wide: " + wide);
    }
    PortalBrowser.assertAccessible(page, name);
  }
}
