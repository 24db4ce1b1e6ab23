package io.portico.local;

import static io.portico.local.BillingFixtures.prorate;
import static io.portico.local.PlanChanges.assertSameBill;
import static io.portico.local.PlanChanges.lineAmounts;
import static io.portico.local.PlanChanges.ok;
import static io.portico.local.PlanChanges.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Proration preview equals what the confirmed change actually invoices, to the minor unit": the
 * portal's preview (the billing core's create_preview) against the invoice the confirmed change
 * issues now, or the next invoice it leaves its prorations for, in two- zero- and three-decimal
 * currencies, with a promotion code and with the cycle restarted.
 */
class PortalUpdatePreviewTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  private static String sub(String id, String action) {
    return "/p/api/subscriptions/" + id + "/" + action;
  }

  /** What create_preview says the subscription's next invoice is, asked by the merchant after the change. */
  private static JsonNode merchantPreview(String subscription) {
    return PortalFixtures.ok(TestStack.post("/v1/invoices/create_preview", f.key, "subscription=" + subscription));
  }

  @Test
  void anUpgradeInvoicedAtOnceBillsExactlyThePreviewAndRecordsTheCustomerAsActor() {
    String config = PlanChanges.config(f, "&features[subscription_update][proration_behavior]=always_invoice");
    String customer = PlanChanges.customer(f, null);
    JsonNode s = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly + "&items[0][quantity]=2");
    String id = s.get("id").asText();
    long start = s.at("/items/data/0/current_period_start").asLong();
    long end = s.at("/items/data/0/current_period_end").asLong();
    TestStack.CLOCK.advance(Duration.ofDays(9).plusHours(7).plusMinutes(13).plusSeconds(29));
    PortalClient portal = PlanChanges.portal(f, customer, config, "");
    String session = ok(portal.get("/p/api/home")).at("/session/id").asText();

    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly + "&quantity=3"));
    assertEquals("billing_portal.subscription_update_preview", preview.get("object").asText());
    assertEquals("immediately", preview.get("timing").asText());
    assertEquals("always_invoice", preview.get("proration_behavior").asText());
    // The page names the plan the item moves to by its product.
    assertEquals(PlanChanges.merchantGet(f, "/v1/prices/" + f.proMonthly).get("product").asText(), preview.at("/items/0/product").asText());
    assertEquals("Pro", preview.at("/items/0/product_name").asText());
    long at = preview.get("proration_date").asLong();
    assertEquals(at, preview.get("effective_at").asLong());
    // 2 × 10.00 credited and 3 × 20.00 charged for the rest of the period, to the second, each line rounded once.
    long credit = prorate(2 * 1000, end - at, end - start);
    long charge = prorate(3 * 2000, end - at, end - start);
    assertEquals(List.of(-credit, charge), lineAmounts(preview.get("invoice_now")));
    assertEquals(charge - credit, preview.get("amount_due_now").asLong());
    assertEquals(6000, preview.get("amount_due_next").asLong(), "then 3 × 20.00 a month");
    assertEquals(end, preview.get("next_invoice_at").asLong());

    TestStack.CLOCK.advance(Duration.ofSeconds(40)); // the customer reads the quote, then confirms it
    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&quantity=3&proration_date=" + at));
    assertEquals("billing_portal.subscription_update", done.get("object").asText());
    assertEquals("immediately", done.get("timing").asText());
    assertEquals(f.proMonthly, done.at("/subscription/items/data/0/price/id").asText());
    assertEquals(3, done.at("/subscription/items/data/0/quantity").asLong());
    JsonNode invoice = done.get("invoice");
    assertSameBill(preview.get("invoice_now"), invoice);
    assertEquals("paid", invoice.get("status").asText(), "charged to the default card");
    assertEquals(preview.get("amount_due_now").asLong(), invoice.get("amount_paid").asLong());
    assertEquals(invoice.get("id").asText(), PlanChanges.merchantGet(f, "/v1/subscriptions/" + id).get("latest_invoice").asText());
    assertSameBill(preview.get("next_invoice"), merchantPreview(id));
    assertTrue(done.get("after_completion").isNull(), "no flow: the customer stays in the portal");

    // The merchant sees the customer's change on the objects and in the events, the portal session as actor.
    // (The change, then its invoice paid: two subscription updates, both the customer's.)
    List<JsonNode> updated = PlanChanges.events(f.merchant.account().id(), "customer.subscription.updated", id);
    assertFalse(updated.isEmpty());
    for (JsonNode e : updated) {
      assertEquals("customer_portal", e.at("/actor/type").asText());
      assertEquals(session, e.at("/actor/portal_session").asText());
    }
    assertEquals(f.proMonthly, updated.stream().filter(e -> e.at("/data/previous_attributes").has("items")).findFirst().orElseThrow()
        .at("/data/object/items/data/0/price/id").asText(), "the change itself is among them");
    for (String type : List.of("invoice.created", "invoice.finalized", "invoice.paid")) {
      List<JsonNode> events = PlanChanges.events(f.merchant.account().id(), type, invoice.get("id").asText());
      assertFalse(events.isEmpty(), type);
      events.forEach(e -> assertEquals("customer_portal", e.at("/actor/type").asText(), type));
    }
  }

  @Test
  void prorationsLeftForTheNextInvoiceAreWhatTheRenewalBills() {
    long t0 = BillingFixtures.now();
    String clock = PlanChanges.clock(f, t0);
    String customer = PlanChanges.customer(f, clock);
    JsonNode s = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly);
    String id = s.get("id").asText();
    long start = s.at("/items/data/0/current_period_start").asLong();
    long end = s.at("/items/data/0/current_period_end").asLong();
    PlanChanges.advanceClock(f, clock, t0 + 10 * BillingFixtures.DAY + 12_345);
    PortalClient portal = PlanChanges.portal(f, customer, f.configuration, "");

    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly));
    assertEquals("create_prorations", preview.get("proration_behavior").asText());
    long at = preview.get("proration_date").asLong();
    assertEquals(t0 + 10 * BillingFixtures.DAY + 12_345, at, "the subscription's own time: its test clock's");
    assertEquals(0, preview.get("amount_due_now").asLong(), "nothing is charged now");
    assertTrue(preview.get("invoice_now").isNull());
    long credit = prorate(1000, end - at, end - start);
    long charge = prorate(2000, end - at, end - start);
    assertEquals(List.of(-credit, charge, 2000L), lineAmounts(preview.get("next_invoice")));
    assertEquals(2000 + charge - credit, preview.get("amount_due_next").asLong());

    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&proration_date=" + at));
    assertTrue(done.get("invoice").isNull(), "the prorations wait for the renewal");
    assertSameBill(preview.get("next_invoice"), merchantPreview(id));
    PlanChanges.advanceClock(f, clock, end + 3600);
    JsonNode renewal = PlanChanges.merchantGet(f, "/v1/invoices/" + PlanChanges.merchantGet(f, "/v1/subscriptions/" + id).get("latest_invoice")
        .asText());
    assertEquals("subscription_cycle", renewal.get("billing_reason").asText());
    assertSameBill(preview.get("next_invoice"), renewal);
    assertEquals(preview.get("amount_due_next").asLong(), renewal.get("amount_paid").asLong());
  }

  @Test
  void aMidPeriodUpgradeWithAPromotionCode() {
    String coupon = PortalFixtures.ok(TestStack.post("/v1/coupons", f.key, "percent_off=25&duration=forever")).get("id").asText();
    String promo = PortalFixtures.ok(TestStack.post("/v1/promotion_codes", f.key, "promotion[type]=coupon&promotion[coupon]=" + coupon
        + "&code=SUMMER25")).get("id").asText();
    String config = PlanChanges.config(f, "&features[subscription_update][proration_behavior]=always_invoice");
    String customer = PlanChanges.customer(f, null);
    String id = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly).get("id").asText();
    TestStack.CLOCK.advance(Duration.ofDays(13).plusHours(2).plusSeconds(7));
    PortalClient portal = PlanChanges.portal(f, customer, config, "");

    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly + "&promotion_code=summer25"));
    assertEquals(promo, preview.at("/promotion_code/id").asText());
    assertEquals("SUMMER25", preview.at("/promotion_code/code").asText(), "the customer's code, any case");
    JsonNode now = preview.get("invoice_now");
    long net = lineAmounts(now).stream().mapToLong(Long::longValue).sum();
    long discount = Math.round(net * 0.25);
    assertEquals(List.of(discount), PlanChanges.discountAmounts(now));
    assertEquals(net - discount, preview.get("amount_due_now").asLong());
    assertEquals(1500, preview.get("amount_due_next").asLong(), "20.00 less 25% from the next month on");
    assertEquals(0, PlanChanges.merchantGet(f, "/v1/promotion_codes/" + promo).get("times_redeemed").asLong(), "a preview redeems nothing");

    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&promotion_code=SUMMER25&proration_date="
        + preview.get("proration_date").asLong()));
    assertSameBill(now, done.get("invoice"));
    assertEquals(1, done.at("/subscription/discounts").size());
    assertEquals(1, PlanChanges.merchantGet(f, "/v1/promotion_codes/" + promo).get("times_redeemed").asLong());
    JsonNode next = merchantPreview(id);
    assertSameBill(preview.get("next_invoice"), next);
    assertEquals(1500, next.get("amount_due").asLong());
  }

  @Test
  void zeroAndThreeDecimalCurrenciesAreExactToTheMinorUnit() {
    // Yen (no minor unit), invoiced at once.
    String yenBasic = priceIn("jpy", 1500, "Yen Basic");
    String yenPro = priceIn("jpy", 2980, "Yen Pro");
    String yenConfig = PlanChanges.config(f, offering(yenBasic, yenPro) + "&features[subscription_update][proration_behavior]=always_invoice");
    String jp = PlanChanges.customer(f, null);
    JsonNode s = PlanChanges.subscribe(f, jp, "items[0][price]=" + yenBasic + "&items[0][quantity]=3");
    long start = s.at("/items/data/0/current_period_start").asLong();
    long end = s.at("/items/data/0/current_period_end").asLong();
    // Dinar (three decimals), left for the next invoice.
    String kwdBasic = priceIn("kwd", 2505, "Dinar Basic");
    String kwdPro = priceIn("kwd", 4125, "Dinar Pro");
    String kwdConfig = PlanChanges.config(f, offering(kwdBasic, kwdPro));
    String kw = PlanChanges.customer(f, null);
    String kwSub = PlanChanges.subscribe(f, kw, "items[0][price]=" + kwdBasic + "&items[0][quantity]=2").get("id").asText();
    TestStack.CLOCK.advance(Duration.ofDays(11).plusHours(3).plusSeconds(1));

    PortalClient japan = PlanChanges.portal(f, jp, yenConfig, "");
    String jpSub = s.get("id").asText();
    JsonNode yen = ok(japan.post(sub(jpSub, "preview"), "price=" + yenPro));
    long at = yen.get("proration_date").asLong();
    assertEquals("jpy", yen.get("currency").asText());
    assertEquals(List.of(-prorate(4500, end - at, end - start), prorate(8940, end - at, end - start)), lineAmounts(yen.get("invoice_now")));
    JsonNode yenDone = ok(japan.post(sub(jpSub, "update"), "price=" + yenPro + "&proration_date=" + at));
    assertSameBill(yen.get("invoice_now"), yenDone.get("invoice"));
    assertEquals(8940, yen.get("amount_due_next").asLong());

    PortalClient kuwait = PlanChanges.portal(f, kw, kwdConfig, "");
    JsonNode kwd = ok(kuwait.post(sub(kwSub, "preview"), "price=" + kwdPro + "&quantity=3"));
    assertEquals("kwd", kwd.get("currency").asText());
    assertEquals(0, kwd.get("amount_due_now").asLong());
    long kwAt = kwd.get("proration_date").asLong();
    assertEquals(List.of(-prorate(5010, end - kwAt, end - start), prorate(12375, end - kwAt, end - start), 12375L),
        lineAmounts(kwd.get("next_invoice")));
    ok(kuwait.post(sub(kwSub, "update"), "price=" + kwdPro + "&quantity=3&proration_date=" + kwAt));
    assertSameBill(kwd.get("next_invoice"), merchantPreview(kwSub));
  }

  private static String priceIn(String currency, long amount, String product) {
    return PortalFixtures.ok(TestStack.post("/v1/prices", f.key, "currency=" + currency + "&unit_amount=" + amount
        + "&recurring[interval]=month&tax_behavior=exclusive&product_data[name]=" + product.replace(" ", "%20"))).get("id").asText();
  }

  /** Configuration fields that offer two more products, each with one price. */
  private static String offering(String price2, String price3) {
    String p2 = PlanChanges.merchantGet(f, "/v1/prices/" + price2).get("product").asText();
    String p3 = PlanChanges.merchantGet(f, "/v1/prices/" + price3).get("product").asText();
    return "&features[subscription_update][products][2][product]=" + p2 + "&features[subscription_update][products][2][prices][0]=" + price2
        + "&features[subscription_update][products][3][product]=" + p3 + "&features[subscription_update][products][3][prices][0]=" + price3;
  }

  @Test
  void aConfiguredBillingCycleAnchorNowRestartsTheCycleAtTheChange() {
    String config = PlanChanges.config(f, "&features[subscription_update][billing_cycle_anchor]=now");
    String customer = PlanChanges.customer(f, null);
    JsonNode s = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly);
    String id = s.get("id").asText();
    long start = s.at("/items/data/0/current_period_start").asLong();
    long end = s.at("/items/data/0/current_period_end").asLong();
    TestStack.CLOCK.advance(Duration.ofDays(5).plusSeconds(77));
    PortalClient portal = PlanChanges.portal(f, customer, config, "");
    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly));
    long at = preview.get("proration_date").asLong();
    // The unused Basic time is credited and a whole new month of Pro starts now, invoiced at once.
    assertEquals(List.of(-prorate(1000, end - at, end - start), 2000L), lineAmounts(preview.get("invoice_now")));
    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&proration_date=" + at));
    assertSameBill(preview.get("invoice_now"), done.get("invoice"));
    assertEquals(at, done.at("/subscription/billing_cycle_anchor").asLong());
    assertEquals(at, done.at("/subscription/items/data/0/current_period_start").asLong());
    assertEquals(BillingFixtures.plusMonths(at, 1), done.at("/subscription/items/data/0/current_period_end").asLong());
    assertSameBill(preview.get("next_invoice"), merchantPreview(id));
  }

  @Test
  void aQuoteCanBeConfirmedForAnHourOnly() {
    String customer = PlanChanges.customer(f, null);
    String id = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly).get("id").asText();
    TestStack.CLOCK.advance(Duration.ofDays(3));
    PortalClient portal = PlanChanges.portal(f, customer, f.configuration, "");
    long at = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly)).get("proration_date").asLong();
    TestStack.CLOCK.advance(Duration.ofMinutes(50));
    portal.get("/p/api/home"); // the session stays open, the quote ages
    TestStack.CLOCK.advance(Duration.ofMinutes(50));
    String before = TestStack.get("/v1/subscriptions/" + id, f.key).body();
    JsonNode stale = refused(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&proration_date=" + at), 400, "preview_expired",
        "proration_date");
    assertTrue(stale.get("message").asText().contains("review the change again"), stale.toString());
    // A date the customer makes up does no better: it may not lie ahead, nor before the period (a bigger credit).
    refused(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&proration_date=" + (BillingFixtures.now() + 60)), 400,
        "parameter_invalid", "proration_date");
    refused(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&proration_date=" + (at - 3 * BillingFixtures.DAY)), 400,
        "preview_expired", "proration_date");
    assertEquals(before, TestStack.get("/v1/subscriptions/" + id, f.key).body());
    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly));
    assertEquals(f.proMonthly, done.at("/subscription/items/data/0/price/id").asText(), "without a date, the change is dated now");
  }
}
