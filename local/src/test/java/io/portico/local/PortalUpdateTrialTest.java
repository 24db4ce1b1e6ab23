package io.portico.local;

import static io.portico.local.PlanChanges.assertSameBill;
import static io.portico.local.PlanChanges.lineAmounts;
import static io.portico.local.PlanChanges.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plan change during a free trial, per the configuration's {@code trial_update_behavior}. */
class PortalUpdateTrialTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  private static String sub(String id, String action) {
    return "/p/api/subscriptions/" + id + "/" + action;
  }

  @Test
  void endTrialEndsTheTrialAndInvoicesTheNewPlanAtOnce() {
    String customer = PlanChanges.customer(f, null);
    JsonNode s = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly + "&trial_period_days=14");
    assertEquals("trialing", s.get("status").asText());
    String id = s.get("id").asText();
    TestStack.CLOCK.advance(java.time.Duration.ofDays(3));
    PortalClient portal = PlanChanges.portal(f, customer, f.configuration, ""); // trial_update_behavior: end_trial (Stripe's default)
    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly));
    assertEquals("immediately", preview.get("timing").asText());
    long at = preview.get("proration_date").asLong();
    assertEquals(List.of(2000L), lineAmounts(preview.get("invoice_now")), "a full month of Pro from now, no credit for the free days");
    assertEquals(at, preview.at("/invoice_now/lines/data/0/period/start").asLong());

    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&proration_date=" + at));
    assertEquals("active", done.at("/subscription/status").asText());
    assertEquals(at, done.at("/subscription/trial_end").asLong());
    assertSameBill(preview.get("invoice_now"), done.get("invoice"));
    assertEquals("paid", done.at("/invoice/status").asText());
  }

  @Test
  void continueTrialKeepsTheTrialAndBillsTheNewPlanWhenItEnds() {
    String config = PlanChanges.config(f, "&features[subscription_update][trial_update_behavior]=continue_trial"
        + "&features[subscription_update][proration_behavior]=always_invoice");
    long t0 = BillingFixtures.now();
    String clock = PlanChanges.clock(f, t0);
    String customer = PlanChanges.customer(f, clock);
    JsonNode s = PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly + "&trial_period_days=14");
    String id = s.get("id").asText();
    long trialEnd = s.get("trial_end").asLong();
    PlanChanges.advanceClock(f, clock, t0 + 5 * BillingFixtures.DAY);
    PortalClient portal = PlanChanges.portal(f, customer, config, "");
    JsonNode preview = ok(portal.post(sub(id, "preview"), "price=" + f.proMonthly + "&quantity=2"));
    assertEquals(0, preview.get("amount_due_now").asLong(), "still free");
    assertTrue(preview.get("invoice_now").isNull());
    assertEquals(trialEnd, preview.get("next_invoice_at").asLong());
    assertEquals(List.of(4000L), lineAmounts(preview.get("next_invoice")));

    JsonNode done = ok(portal.post(sub(id, "update"), "price=" + f.proMonthly + "&quantity=2&proration_date="
        + preview.get("proration_date").asLong()));
    assertEquals("trialing", done.at("/subscription/status").asText());
    assertEquals(trialEnd, done.at("/subscription/trial_end").asLong());
    assertEquals(f.proMonthly, done.at("/subscription/items/data/0/price/id").asText());
    assertTrue(done.get("invoice").isNull(), "nothing invoiced during the trial");

    PlanChanges.advanceClock(f, clock, trialEnd + 3600);
    JsonNode after = PlanChanges.merchantGet(f, "/v1/subscriptions/" + id);
    assertEquals("active", after.get("status").asText());
    JsonNode first = PlanChanges.merchantGet(f, "/v1/invoices/" + after.get("latest_invoice").asText());
    assertSameBill(preview.get("next_invoice"), first);
  }
}
