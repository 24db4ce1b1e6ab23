package io.portico.local;

import static io.portico.local.PlanChanges.assertSameBill;
import static io.portico.local.PlanChanges.lineAmounts;
import static io.portico.local.PlanChanges.ok;
import static io.portico.local.PlanChanges.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes the configuration's {@code schedule_at_period_end} conditions hold back: a subscription
 * schedule made through the merchant API's service carries them to the period end, where the
 * billing clock (a test clock here) applies them with the renewal.
 */
class PortalUpdateScheduleTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  private static String sub(String id, String action) {
    return "/p/api/subscriptions/" + id + "/" + action;
  }

  private static JsonNode latestInvoice(String subscription) {
    return PlanChanges.merchantGet(f, "/v1/invoices/" + PlanChanges.merchantGet(f, "/v1/subscriptions/" + subscription).get("latest_invoice")
        .asText());
  }

  @Test
  void aDowngradeWaitsForThePeriodEndWhereTheBillingClockAppliesIt() {
    String config = PlanChanges.config(f, "&features[subscription_update][schedule_at_period_end][conditions][0][type]=decreasing_item_amount");
    long t0 = BillingFixtures.now();
    String clock = PlanChanges.clock(f, t0);
    String customer = PlanChanges.customer(f, clock);
    JsonNode s = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.proMonthly);
    String id = s.get("id").asText();
    long end = s.at("/items/data/0/current_period_end").asLong();
    PlanChanges.advanceClock(f, clock, t0 + 12 * BillingFixtures.DAY);
    PortalClient portal = PlanChanges.portal(f, customer, config, "");
    String session = ok(portal.get("/p/api/home")).at("/session/id").asText();

    // An upgrade is not held back (and a promotion code can come with it); a downgrade is.
    assertEquals("immediately", ok(portal.post(sub(id, "preview"), "quantity=2")).get("timing").asText());
    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.basicMonthly));
    assertEquals("at_period_end", preview.get("timing").asText());
    assertEquals(end, preview.get("effective_at").asLong());
    assertEquals(0, preview.get("amount_due_now").asLong());
    assertTrue(preview.get("invoice_now").isNull());
    assertTrue(preview.get("proration_date").isNull(), "nothing to prorate");
    assertEquals(List.of(1000L), lineAmounts(preview.get("next_invoice")), "from the period end: Basic, in full");
    assertEquals(end, preview.get("next_invoice_at").asLong());
    refused(portal.post(sub(id, "preview"), "price=" + f.basicMonthly + "&promotion_code=ANY"), 400, "promotion_code_scheduled_change",
        "promotion_code");

    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.basicMonthly));
    assertEquals("at_period_end", done.get("timing").asText());
    assertTrue(done.get("invoice").isNull());
    JsonNode schedule = done.get("schedule");
    assertEquals("subscription_schedule", schedule.get("object").asText());
    assertEquals("release", schedule.get("end_behavior").asText());
    assertEquals(2, schedule.get("phases").size());
    assertEquals(end, schedule.at("/phases/0/end_date").asLong());
    assertEquals(f.proMonthly, schedule.at("/phases/0/items/0/price").asText());
    assertEquals(end, schedule.at("/phases/1/start_date").asLong());
    assertEquals(f.basicMonthly, schedule.at("/phases/1/items/0/price").asText());
    assertEquals(schedule.get("id").asText(), done.at("/subscription/schedule").asText());
    assertEquals(f.proMonthly, done.at("/subscription/items/data/0/price/id").asText(), "Pro until the period ends");
    List<JsonNode> created = PlanChanges.events(f.merchant.account().id(), "subscription_schedule.created", schedule.get("id").asText());
    assertEquals(1, created.size());
    assertEquals("customer_portal", created.get(0).at("/actor/type").asText());
    assertEquals(session, created.get(0).at("/actor/portal_session").asText());

    // Now pending: no second change, and the merchant's create_preview shows what the portal quoted.
    JsonNode home = ok(portal.get("/p/api/home"));
    assertEquals("pending_schedule", home.at("/subscriptions/0/actions/update/reason/code").asText());
    refused(portal.post(sub(id, "preview"), "price=" + f.proYearly), 400, "pending_schedule", null);
    assertSameBill(preview.get("next_invoice"), PortalFixtures.ok(TestStack.post("/v1/invoices/create_preview", f.key, "subscription=" + id)));

    PlanChanges.advanceClock(f, clock, end + 3600);
    JsonNode after = PlanChanges.merchantGet(f, "/v1/subscriptions/" + id);
    assertEquals(f.basicMonthly, after.at("/items/data/0/price/id").asText());
    assertEquals(end, after.at("/items/data/0/current_period_start").asLong());
    JsonNode renewal = latestInvoice(id);
    assertSameBill(preview.get("next_invoice"), renewal);
    assertEquals("paid", renewal.get("status").asText());
    List<JsonNode> switched = PlanChanges.events(f.merchant.account().id(), "subscription_schedule.updated", schedule.get("id").asText());
    assertEquals("billing_clock", switched.get(0).at("/actor/type").asText(), "the clock, not the customer, made the switch");
  }

  @Test
  void aShorterIntervalWaitsForTheEndOfTheYearThenBillsMonthly() {
    String config = PlanChanges.config(f, "&features[subscription_update][schedule_at_period_end][conditions][0][type]=shortening_interval");
    long t0 = BillingFixtures.now();
    String clock = PlanChanges.clock(f, t0);
    String customer = PlanChanges.customer(f, clock);
    JsonNode s = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.proYearly);
    String id = s.get("id").asText();
    long yearEnd = s.at("/items/data/0/current_period_end").asLong();
    PlanChanges.advanceClock(f, clock, t0 + 40 * BillingFixtures.DAY);
    PortalClient portal = PlanChanges.portal(f, customer, config, "");

    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly));
    assertEquals("at_period_end", preview.get("timing").asText());
    assertEquals(yearEnd, preview.get("effective_at").asLong());
    JsonNode next = preview.get("next_invoice");
    assertEquals(List.of(2000L), lineAmounts(next));
    assertEquals(yearEnd, next.at("/lines/data/0/period/start").asLong());
    assertEquals(BillingFixtures.plusMonths(yearEnd, 1), next.at("/lines/data/0/period/end").asLong(), "a month from the year's end");

    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly));
    assertEquals(f.proMonthly, done.at("/schedule/phases/1/items/0/price").asText());
    assertEquals(BillingFixtures.plusMonths(yearEnd, 1), done.at("/schedule/phases/1/end_date").asLong());

    PlanChanges.advanceClock(f, clock, yearEnd + 3600);
    assertSameBill(next, latestInvoice(id));
    JsonNode monthly = PlanChanges.merchantGet(f, "/v1/subscriptions/" + id);
    assertEquals(f.proMonthly, monthly.at("/items/data/0/price/id").asText());
    assertEquals(yearEnd, monthly.get("billing_cycle_anchor").asLong(), "the monthly cycle starts at the year's end");
    assertEquals(BillingFixtures.plusMonths(yearEnd, 1), monthly.at("/items/data/0/current_period_end").asLong());

    // A month later the schedule has done its work: released, and the subscription renews monthly on its own.
    PlanChanges.advanceClock(f, clock, BillingFixtures.plusMonths(yearEnd, 1) + 3600);
    JsonNode second = latestInvoice(id);
    assertEquals(List.of(2000L), lineAmounts(second));
    assertEquals(BillingFixtures.plusMonths(yearEnd, 1), second.at("/lines/data/0/period/start").asLong());
    assertEquals(BillingFixtures.plusMonths(yearEnd, 2), second.at("/lines/data/0/period/end").asLong());
    JsonNode released = PlanChanges.merchantGet(f, "/v1/subscription_schedules/" + done.at("/schedule/id").asText());
    assertEquals("released", released.get("status").asText());
    assertFalse(PlanChanges.merchantGet(f, "/v1/subscriptions/" + id).hasNonNull("schedule"));
  }
}
