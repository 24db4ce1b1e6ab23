package io.portico.local;

import static io.portico.local.CancelFixtures.at;
import static io.portico.local.CancelFixtures.events;
import static io.portico.local.CancelFixtures.ok;
import static io.portico.local.CancelFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Subscription;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionUpdateParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancelling in the portal (seed 002): at period end or at once (with or without a credit for the
 * unused time), the reason survey with the cancellation or after it, the configuration's switches,
 * renewing until the period ends, and who may do any of it. Results are checked through the
 * merchant API with stripe-java, and in the events, whose actor is the customer portal.
 */
class PortalCancelTest {
  private static CancelFixtures c;
  private static String immediateNone;
  private static String reasonsOff;
  private static String cancelOff;

  @BeforeAll
  static void setUp() {
    c = new CancelFixtures();
    immediateNone = c.configuration("&features[subscription_cancel][mode]=immediately&features[subscription_cancel][proration_behavior]=none");
    reasonsOff = c.configuration("&features[subscription_cancel][cancellation_reason][enabled]=false");
    cancelOff = c.configuration("&features[subscription_cancel][enabled]=false");
  }

  private static String cancelPath(String subscription, String action) {
    return "/p/api/subscriptions/" + subscription + "/" + action;
  }

  @Test
  void atPeriodEndTheCustomerKeepsThePlanUntilThePeriodEndsAndTheMerchantSeesTheReason() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    PortalClient portal = c.portal(s);
    String session = portal.get("/p/api/home").json().at("/session/id").asText();

    JsonNode options = ok(portal.get(cancelPath(s.subscription(), "cancel_options")));
    assertEquals("billing_portal.cancel_options", options.get("object").asText());
    assertTrue(options.get("allowed").asBoolean());
    assertEquals("at_period_end", options.get("mode").asText());
    long periodEnd = c.subscription(s.subscription()).at("/items/data/0/current_period_end").asLong();
    assertEquals(periodEnd, options.get("access_ends_at").asLong(), "access lasts to the end of the paid period");
    assertEquals(periodEnd, options.get("current_period_end").asLong());
    assertEquals("Basic", options.at("/losing/0/product_name").asText());
    assertEquals(1000, options.at("/losing/0/unit_amount").asLong());
    assertEquals("month", options.at("/losing/0/interval").asText());
    assertEquals("[\"too_expensive\",\"missing_features\",\"other\"]", codes(options.at("/survey/options")));
    assertEquals("It's too expensive.", options.at("/survey/options/0/label").asText());
    assertTrue(options.get("retention").isNull(), "no flow, no retention offer");

    JsonNode done = ok(portal.post(cancelPath(s.subscription(), "cancel"), "reason=too_expensive"));
    assertEquals("billing_portal.subscription_action", done.get("object").asText());
    assertEquals("cancel", done.get("action").asText());
    assertEquals(periodEnd, done.get("access_ends_at").asLong());
    assertTrue(done.get("survey").isNull(), "the reason came with the cancellation");
    assertTrue(done.get("after_completion").isNull(), "no flow to complete");
    assertTrue(done.at("/subscription/cancel_at_period_end").asBoolean());

    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertEquals("active", seen.getStatus(), "still running until the period ends");
    assertTrue(seen.getCancelAtPeriodEnd());
    assertEquals(periodEnd, seen.getCancelAt());
    assertEquals("too_expensive", seen.getCancellationDetails().getFeedback());
    assertEquals("cancellation_requested", seen.getCancellationDetails().getReason());
    assertNull(seen.getCancellationDetails().getComment());

    List<JsonNode> updated = events(c.account(), "customer.subscription.updated", s.subscription()).stream()
        .filter(e -> "too_expensive".equals(e.at("/data/object/cancellation_details/feedback").asText(null))).toList();
    assertEquals(1, updated.size(), "one customer.subscription.updated carries the feedback");
    JsonNode event = updated.get(0);
    assertEquals("customer_portal", event.at("/actor/type").asText());
    assertEquals(session, event.at("/actor/portal_session").asText());
    assertFalse(event.at("/data/previous_attributes/cancel_at_period_end").asBoolean(true), "it was not set to cancel before");

    JsonNode home = ok(portal.get("/p/api/home"));
    assertEquals("renew", home.at("/subscriptions/0/actions/mode").asText());
    refused(400, "cancellation_pending", portal.post(cancelPath(s.subscription(), "cancel"), ""));
  }

  @Test
  void otherMayCarryTheCustomersWordsAndNothingElseMay() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    PortalClient portal = c.portal(s);
    String cancel = cancelPath(s.subscription(), "cancel");
    assertEquals("comment", refused(400, "comment_needs_other", portal.post(cancel, "reason=too_expensive&comment=meh")).get("param").asText());
    refused(400, "comment_needs_other", portal.post(cancel, "comment=no+reason+given"));
    assertEquals("reason", refused(400, "cancellation_reason_not_offered", portal.post(cancel, "reason=unused")).get("param").asText(),
        "a reason the merchant did not list");
    refused(400, "comment_too_long", portal.post(cancel, "reason=other&comment=" + "x".repeat(501)));
    refused(400, "parameter_unknown", portal.post(cancel, "reason=other&prorate=true"));
    assertFalse(c.stripe.v1().subscriptions().retrieve(s.subscription()).getCancelAtPeriodEnd(), "refusals changed nothing");

    ok(portal.post(cancel, "reason=other&comment=Moving%20abroad%20%E2%9C%88"));
    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertEquals("other", seen.getCancellationDetails().getFeedback());
    assertEquals("Moving abroad \u2708", seen.getCancellationDetails().getComment());
  }

  @Test
  void theSurveyCanBeAnsweredAfterCancellingAtPeriodEnd() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    PortalClient portal = c.portal(s);
    refused(400, "not_cancelled", portal.post(cancelPath(s.subscription(), "cancellation_reason"), "reason=too_expensive"));

    JsonNode done = ok(portal.post(cancelPath(s.subscription(), "cancel"), ""));
    assertEquals("[\"too_expensive\",\"missing_features\",\"other\"]", codes(done.at("/survey/options")), "the page asks afterwards");
    assertNull(c.stripe.v1().subscriptions().retrieve(s.subscription()).getCancellationDetails().getFeedback(), "skipped so far");

    String reason = cancelPath(s.subscription(), "cancellation_reason");
    refused(400, "parameter_missing", portal.post(reason, ""));
    JsonNode answered = ok(portal.post(reason, "reason=other&comment=Too%20many%20emails"));
    assertEquals("cancellation_reason", answered.get("action").asText());
    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertEquals("other", seen.getCancellationDetails().getFeedback());
    assertEquals("Too many emails", seen.getCancellationDetails().getComment());
    assertTrue(seen.getCancelAtPeriodEnd(), "answering does not change the cancellation");

    ok(portal.post(reason, "reason=missing_features"));
    seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertEquals("missing_features", seen.getCancellationDetails().getFeedback(), "while it is set to end, the answer may change");
    assertNull(seen.getCancellationDetails().getComment(), "the comment went with \"other\"");
    assertTrue(events(c.account(), "customer.subscription.updated", s.subscription()).stream()
        .anyMatch(e -> "missing_features".equals(e.at("/data/object/cancellation_details/feedback").asText(null))
            && "customer_portal".equals(e.at("/actor/type").asText())));
  }

  @Test
  void immediatelyWithoutProrationEndsNowCreditsNothingAndTakesTheReasonAfterwards() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    PortalClient portal = c.portal(s, immediateNone, "");
    JsonNode options = ok(portal.get(cancelPath(s.subscription(), "cancel_options")));
    assertEquals("immediately", options.get("mode").asText());
    assertEquals("none", options.get("proration_behavior").asText());
    assertEquals(BillingFixtures.now(), options.get("access_ends_at").asLong(), "access ends at once");

    JsonNode done = ok(portal.post(cancelPath(s.subscription(), "cancel"), ""));
    assertEquals("canceled", done.at("/subscription/status").asText());
    assertEquals(BillingFixtures.now(), done.get("access_ends_at").asLong());
    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertEquals("canceled", seen.getStatus());
    assertEquals(BillingFixtures.now(), seen.getEndedAt());
    assertEquals("cancellation_requested", seen.getCancellationDetails().getReason());
    List<Invoice> invoices = c.stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(s.customer()).build()).getData();
    assertEquals(1, invoices.size(), "only the first invoice: no final invoice, no credit");
    assertEquals(0L, c.stripe.v1().customers().retrieve(s.customer()).getBalance());
    JsonNode deleted = events(c.account(), "customer.subscription.deleted", s.subscription()).get(0);
    assertEquals("customer_portal", deleted.at("/actor/type").asText());

    // The survey after an immediate cancellation: recorded on the ended subscription, once.
    String reason = cancelPath(s.subscription(), "cancellation_reason");
    ok(portal.post(reason, "reason=too_expensive"));
    seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertEquals("too_expensive", seen.getCancellationDetails().getFeedback());
    assertEquals("canceled", seen.getStatus());
    assertTrue(events(c.account(), "customer.subscription.updated", s.subscription()).stream()
        .anyMatch(e -> "too_expensive".equals(e.at("/data/object/cancellation_details/feedback").asText(null))
            && "customer_portal".equals(e.at("/actor/type").asText())), "the reason reaches the merchant in customer.subscription.updated");
    refused(400, "cancellation_reason_recorded", portal.post(reason, "reason=other"));
    refused(400, "subscription_ended", portal.post(cancelPath(s.subscription(), "cancel"), ""));
    assertEquals("subscription_ended", ok(portal.get(cancelPath(s.subscription(), "cancel_options"))).at("/reason/code").asText());
  }

  /** create_prorations and always_invoice both credit the unused time: on a final invoice, onto the customer's balance. */
  @Test
  void immediatelyWithProrationsCreditsTheUnusedTimeToTheBalance() throws StripeException {
    for (String behavior : List.of("create_prorations", "always_invoice")) {
      String config = c.configuration("&features[subscription_cancel][mode]=immediately&features[subscription_cancel][proration_behavior]="
          + behavior);
      CancelFixtures.Subscriber s = c.clockedSubscriber("2027-03-01T00:00:00Z"); // a 31-day period: 1 March to 1 April
      c.advance(s.clock(), "2027-03-11T00:00:00Z"); // 21 days unused
      PortalClient portal = c.portal(s, config, "");
      JsonNode done = ok(portal.post(cancelPath(s.subscription(), "cancel"), "reason=missing_features"));
      assertEquals(at("2027-03-11T00:00:00Z"), done.get("access_ends_at").asLong(), "the subscription's own (test clock) time");

      Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
      assertEquals("canceled", seen.getStatus(), behavior);
      assertEquals("missing_features", seen.getCancellationDetails().getFeedback());
      Invoice last = c.stripe.v1().invoices().retrieve(seen.getLatestInvoice());
      long credit = BillingFixtures.prorate(1000, 21 * BillingFixtures.DAY, 31 * BillingFixtures.DAY);
      assertEquals(677, credit);
      assertEquals(1, last.getLines().getData().size(), behavior);
      InvoiceLineItem line = last.getLines().getData().get(0);
      assertEquals(-credit, line.getAmount(), behavior + ": credit for the unused time");
      assertTrue(BillingFixtures.proration(line));
      assertEquals(-credit, last.getTotal());
      assertEquals(0L, last.getAmountDue());
      assertEquals(-credit, c.stripe.v1().customers().retrieve(s.customer()).getBalance(), behavior + ": the credit waits on the balance");
    }
  }

  @Test
  void withReasonsOffNoReasonIsTakenButCancellingWorks() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    PortalClient portal = c.portal(s, reasonsOff, "");
    assertTrue(ok(portal.get(cancelPath(s.subscription(), "cancel_options"))).get("survey").isNull());
    refused(400, "cancellation_reason_not_offered", portal.post(cancelPath(s.subscription(), "cancel"), "reason=too_expensive"));
    assertFalse(c.stripe.v1().subscriptions().retrieve(s.subscription()).getCancelAtPeriodEnd(), "the refusal cancelled nothing");
    JsonNode done = ok(portal.post(cancelPath(s.subscription(), "cancel"), ""));
    assertTrue(done.get("survey").isNull(), "no survey to show");
    refused(403, "feature_disabled", portal.post(cancelPath(s.subscription(), "cancellation_reason"), "reason=too_expensive"));
    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertTrue(seen.getCancelAtPeriodEnd());
    assertNull(seen.getCancellationDetails().getFeedback());
  }

  @Test
  void withCancelOffEveryCancelActionIs403ButRenewingStillWorks() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    PortalClient portal = c.portal(s, cancelOff, "");
    int before = TestStack.itemsOwnedBy(c.account());
    for (String[] call : List.of(new String[] {"GET", "cancel_options"}, new String[] {"POST", "cancel"},
        new String[] {"POST", "cancellation_reason"}, new String[] {"POST", "retention/accept"})) {
      TestStack.Answer a = portal.send(call[0], cancelPath(s.subscription(), call[1]), call[0].equals("POST") ? "" : null, null);
      JsonNode error = refused(403, "feature_disabled", a);
      assertTrue(error.get("message").asText().contains("subscription_cancel"), error.toString());
    }
    assertEquals(before, TestStack.itemsOwnedBy(c.account()), "nothing was written");
    assertEquals("cancel_disabled", ok(portal.get("/p/api/home")).at("/subscriptions/0/actions/cancel/reason/code").asText());

    // The merchant set it to end; the customer may still take that back (the seed's renewal needs no switch of its own).
    c.stripe.v1().subscriptions().update(s.subscription(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
    ok(portal.post(cancelPath(s.subscription(), "renew"), ""));
    assertFalse(c.stripe.v1().subscriptions().retrieve(s.subscription()).getCancelAtPeriodEnd());
  }

  @Test
  void aSubscriptionSetToEndCanBeRenewedUntilThePeriodEndsThenNoLonger() throws StripeException {
    CancelFixtures.Subscriber s = c.clockedSubscriber("2027-05-01T00:00:00Z"); // period ends 1 June
    PortalClient portal = c.portal(s);
    String renew = cancelPath(s.subscription(), "renew");
    refused(400, "not_cancelling", portal.post(renew, ""));

    ok(portal.post(cancelPath(s.subscription(), "cancel"), "reason=too_expensive"));
    c.advance(s.clock(), "2027-05-31T23:59:59Z"); // the last second of the paid period
    JsonNode renewed = ok(portal.post(renew, ""));
    assertEquals("renew", renewed.get("action").asText());
    assertTrue(renewed.get("after_completion").isNull());
    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertFalse(seen.getCancelAtPeriodEnd());
    assertNull(seen.getCancelAt());
    assertNull(seen.getCanceledAt());
    assertNull(seen.getCancellationDetails().getFeedback(), "renewing withdraws the cancellation and its reason");
    assertEquals("update", ok(portal.get("/p/api/home")).at("/subscriptions/0/actions/mode").asText());
    assertTrue(events(c.account(), "customer.subscription.updated", s.subscription()).stream()
        .anyMatch(e -> !e.at("/data/object/cancel_at_period_end").asBoolean() && e.at("/data/previous_attributes/cancel_at_period_end").asBoolean()
            && "customer_portal".equals(e.at("/actor/type").asText())), "the renewal's event, by the customer");

    ok(portal.post(cancelPath(s.subscription(), "cancel"), ""));
    c.advance(s.clock(), "2027-06-01T00:00:01Z"); // the billing clock ends it with the period
    assertEquals("canceled", c.stripe.v1().subscriptions().retrieve(s.subscription()).getStatus());
    JsonNode error = refused(400, "subscription_ended", portal.post(renew, ""));
    assertEquals("This subscription has ended.", error.get("message").asText());
    assertEquals("canceled", c.stripe.v1().subscriptions().retrieve(s.subscription()).getStatus());
  }

  @Test
  void anotherCustomersOrAnotherMerchantsSubscriptionIs404AndNothingChanges() throws StripeException {
    CancelFixtures.Subscriber mine = c.subscriber();
    CancelFixtures.Subscriber theirs = c.subscriber();
    CancelFixtures elsewhere = new CancelFixtures();
    CancelFixtures.Subscriber foreign = elsewhere.subscriber();
    // Both set to end, so the survey and renewal would have something to act on, and a coupon offered for each.
    c.stripe.v1().subscriptions().update(theirs.subscription(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
    elsewhere.stripe.v1().subscriptions().update(foreign.subscription(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
    ok(TestStack.post("/v1/coupons", c.f.key, "id=STAY&percent_off=50&duration=once"));
    int ours = TestStack.itemsOwnedBy(c.account());
    int others = TestStack.itemsOwnedBy(elsewhere.account());

    for (String target : List.of(theirs.subscription(), foreign.subscription(), "sub_unknown")) {
      PortalClient portal = c.portal(mine, c.f.configuration, "&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]="
          + target + "&flow_data[subscription_cancel][retention][type]=coupon_offer"
          + "&flow_data[subscription_cancel][retention][coupon_offer][coupon]=STAY");
      ours = TestStack.itemsOwnedBy(c.account()); // the session just made
      for (String[] call : List.of(new String[] {"GET", "cancel_options"}, new String[] {"POST", "cancel"},
          new String[] {"POST", "cancellation_reason"}, new String[] {"POST", "retention/accept"}, new String[] {"POST", "renew"})) {
        String form = call[0].equals("GET") ? null : call[1].startsWith("cancel") ? "reason=too_expensive" : "";
        TestStack.Answer a = portal.send(call[0], cancelPath(target, call[1]), form, null);
        JsonNode error = refused(404, "resource_missing", a);
        assertEquals("No such subscription: '" + target + "'", error.get("message").asText(), "the same answer as for an unknown id");
      }
      JsonNode flow = ok(portal.get("/p/api/flow"));
      assertFalse(flow.get("actionable").asBoolean());
      assertEquals("subscription_not_found", flow.at("/reason/code").asText());
      assertTrue(flow.get("retention").isNull(), "no offer shown for a subscription that is not the customer's");
    }
    assertEquals(ours, TestStack.itemsOwnedBy(c.account()), "nothing written for the merchant");
    assertEquals(others, TestStack.itemsOwnedBy(elsewhere.account()), "nothing written for the other merchant");
    assertTrue(c.stripe.v1().subscriptions().retrieve(theirs.subscription()).getCancelAtPeriodEnd(), "not renewed");
    assertTrue(c.stripe.v1().subscriptions().retrieve(theirs.subscription()).getDiscounts().isEmpty(), "no coupon applied");
    assertNull(c.stripe.v1().subscriptions().retrieve(theirs.subscription()).getCancellationDetails().getFeedback());
    assertTrue(elsewhere.stripe.v1().subscriptions().retrieve(foreign.subscription()).getCancelAtPeriodEnd());
  }

  @Test
  void anExpiredOrUnknownSessionIs401() {
    CancelFixtures.Subscriber s = c.subscriber();
    PortalClient portal = c.portal(s);
    PortalClient frontEnd = PortalClient.frontEnd(c.f.sessionUrl(s.customer(), c.f.configuration, ""));
    TestStack.CLOCK.advance(Duration.ofMinutes(61)); // an hour after the last call
    for (PortalClient client : List.of(portal, frontEnd)) {
      for (String[] call : List.of(new String[] {"GET", "/p/api/flow"}, new String[] {"GET", cancelPath(s.subscription(), "cancel_options")},
          new String[] {"POST", cancelPath(s.subscription(), "cancel")}, new String[] {"POST", cancelPath(s.subscription(), "renew")},
          new String[] {"POST", cancelPath(s.subscription(), "cancellation_reason")},
          new String[] {"POST", cancelPath(s.subscription(), "retention/accept")})) {
        refused(401, "portal_session_expired", client.send(call[0], call[1], call[0].equals("POST") ? "" : null, null));
      }
    }
    refused(401, "portal_session_expired", TestStack.send("POST", cancelPath(s.subscription(), "cancel"), null, "",
        Map.of("Authorization", "Bearer " + "y".repeat(43))));
    assertFalse(c.subscription(s.subscription()).get("cancel_at_period_end").asBoolean(), "nothing was cancelled");
  }

  /** The merchant API rule the survey relies on (Stripe's): an ended subscription changes only its cancellation_details. */
  @Test
  void aCanceledSubscriptionTakesCancellationDetailsAndNothingElseThroughTheMerchantApi() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    c.stripe.v1().subscriptions().cancel(s.subscription());
    Subscription noted = c.stripe.v1().subscriptions().update(s.subscription(), SubscriptionUpdateParams.builder()
        .setCancellationDetails(SubscriptionUpdateParams.CancellationDetails.builder()
            .setFeedback(SubscriptionUpdateParams.CancellationDetails.Feedback.SWITCHED_SERVICE).setComment("Told us on the phone").build())
        .build());
    assertEquals("canceled", noted.getStatus());
    assertEquals("switched_service", noted.getCancellationDetails().getFeedback());
    assertEquals("Told us on the phone", noted.getCancellationDetails().getComment());
    assertEquals("cancellation_requested", noted.getCancellationDetails().getReason());
    assertEquals("secret_key", events(c.account(), "customer.subscription.updated", s.subscription()).get(0).at("/actor/type").asText());
    TestStack.Answer metadata = TestStack.post("/v1/subscriptions/" + s.subscription(), c.f.key,
        "cancellation_details[feedback]=unused&metadata[note]=late");
    refused(400, "subscription_ended", metadata);
    assertEquals("switched_service", c.stripe.v1().subscriptions().retrieve(s.subscription()).getCancellationDetails().getFeedback());
  }

  private static String codes(JsonNode options) {
    StringBuilder out = new StringBuilder("[");
    options.forEach(o -> out.append(out.length() > 1 ? "," : "").append('"').append(o.get("code").asText()).append('"'));
    return out.append(']').toString();
  }
}
