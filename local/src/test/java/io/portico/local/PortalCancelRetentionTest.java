package io.portico.local;

import static io.portico.local.CancelFixtures.events;
import static io.portico.local.CancelFixtures.ok;
import static io.portico.local.CancelFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionUpdateParams;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention coupon of a {@code subscription_cancel} flow (seed 002, "Kündigungen im
 * Kundenportal vermeiden"): shown before the cancellation, accepted once (the coupon is applied and
 * nothing is cancelled, and the next invoice is discounted), declined by cancelling, and refused
 * clearly when there is no offer or the coupon can no longer be redeemed.
 */
class PortalCancelRetentionTest {
  private static CancelFixtures c;
  private static int coupons;

  @BeforeAll
  static void setUp() {
    c = new CancelFixtures();
  }

  /** A new coupon of the merchant's (its id chosen here); {@code terms} as form fields. */
  private static String coupon(String terms) {
    String id = "STAY" + ++coupons;
    ok(TestStack.post("/v1/coupons", c.f.key, "id=" + id + "&" + terms));
    return id;
  }

  private static String offer(String subscription, String coupon) {
    return "&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=" + subscription
        + "&flow_data[subscription_cancel][retention][type]=coupon_offer&flow_data[subscription_cancel][retention][coupon_offer][coupon]=" + coupon;
  }

  private static String path(String subscription, String action) {
    return "/p/api/subscriptions/" + subscription + "/" + action;
  }

  @Test
  void acceptingTheOfferAppliesTheCouponKeepsTheSubscriptionAndDiscountsTheNextInvoice() throws StripeException {
    CancelFixtures.Subscriber s = c.clockedSubscriber("2027-03-01T00:00:00Z");
    // A discount the subscription already has stays next to the offer's.
    String loyal = coupon("percent_off=10&duration=forever");
    c.stripe.v1().subscriptions().update(s.subscription(), SubscriptionUpdateParams.builder()
        .addDiscount(SubscriptionUpdateParams.Discount.builder().setCoupon(loyal).build()).build());
    String halfOff = coupon("percent_off=50&duration=repeating&duration_in_months=3&name=Stay%20with%20us");
    PortalClient portal = c.portal(s, c.f.configuration, offer(s.subscription(), halfOff));
    String session = ok(portal.get("/p/api/home")).at("/session/id").asText();

    JsonNode options = ok(portal.get(path(s.subscription(), "cancel_options")));
    JsonNode retention = options.get("retention");
    assertEquals("coupon_offer", retention.get("type").asText());
    assertTrue(retention.get("available").asBoolean(), retention.toString());
    assertEquals(halfOff, retention.at("/coupon/id").asText());
    assertEquals("Stay with us", retention.at("/coupon/name").asText());
    assertEquals(50, retention.at("/coupon/percent_off").asInt());
    assertTrue(retention.at("/coupon/amount_off").isNull());
    assertEquals("repeating", retention.at("/coupon/duration").asText());
    assertEquals(3, retention.at("/coupon/duration_in_months").asInt());

    JsonNode accepted = ok(portal.post(path(s.subscription(), "retention/accept"), ""));
    assertEquals("retention_accept", accepted.get("action").asText());
    assertEquals("portal_homepage", accepted.at("/after_completion/type").asText(), "the offer completes the cancel flow");
    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertEquals("active", seen.getStatus());
    assertFalse(seen.getCancelAtPeriodEnd(), "nothing cancelled");
    assertEquals(2, seen.getDiscounts().size(), "the earlier discount and the offer's");
    JsonNode created = events(c.account(), "customer.discount.created", seen.getDiscounts().get(1)).get(0);
    assertEquals(halfOff, created.at("/data/object/source/coupon/id").asText());
    assertEquals("customer_portal", created.at("/actor/type").asText());
    assertEquals(session, created.at("/actor/portal_session").asText());
    assertEquals(1, ok(TestStack.get("/v1/coupons/" + halfOff, c.f.key)).get("times_redeemed").asInt());
    assertTrue(events(c.account(), "customer.subscription.updated", s.subscription()).stream()
        .anyMatch(e -> e.at("/data/object/discounts").size() == 2 && "customer_portal".equals(e.at("/actor/type").asText())));

    // The renewal on 1 April: 10.00 − 10% (1.00) − 50% of the rest (4.50) = 4.50.
    c.advance(s.clock(), "2027-04-01T01:00:00Z");
    Invoice renewal = c.stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(s.customer()).build()).getData().get(0);
    assertEquals("subscription_cycle", renewal.getBillingReason());
    assertEquals(1000L, renewal.getSubtotal());
    assertEquals(List.of(100L, 450L), renewal.getTotalDiscountAmounts().stream().map(d -> d.getAmount()).toList());
    assertEquals(450L, renewal.getTotal());
    assertEquals("paid", renewal.getStatus());
    assertEquals(450L, renewal.getAmountPaid());

    // Once only: again is refused, and the options say why.
    refused(400, "retention_offer_accepted", portal.post(path(s.subscription(), "retention/accept"), ""));
    JsonNode after = ok(portal.get(path(s.subscription(), "cancel_options"))).get("retention");
    assertFalse(after.get("available").asBoolean());
    assertEquals("retention_offer_accepted", after.at("/reason/code").asText());
    assertEquals(2, c.stripe.v1().subscriptions().retrieve(s.subscription()).getDiscounts().size());
  }

  @Test
  void decliningIsCancellingAndTheCouponStaysUnused() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    String halfOff = coupon("percent_off=50&duration=once");
    PortalClient portal = c.portal(s, c.f.configuration, offer(s.subscription(), halfOff)
        + "&flow_data[after_completion][type]=redirect&flow_data[after_completion][redirect][return_url]=https%3A%2F%2Fshop.example%2Fbye");
    assertTrue(ok(portal.get(path(s.subscription(), "cancel_options"))).at("/retention/available").asBoolean());
    JsonNode done = ok(portal.post(path(s.subscription(), "cancel"), "reason=too_expensive"));
    assertEquals("redirect", done.at("/after_completion/type").asText());
    assertEquals("https://shop.example/bye", done.at("/after_completion/redirect/return_url").asText());
    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertTrue(seen.getCancelAtPeriodEnd());
    assertTrue(seen.getDiscounts().isEmpty());
    assertEquals(0, ok(TestStack.get("/v1/coupons/" + halfOff, c.f.key)).get("times_redeemed").asInt());
    refused(400, "cancellation_pending", portal.post(path(s.subscription(), "retention/accept"), ""));
  }

  @Test
  void withoutAnOfferForThisSubscriptionThereIsNothingToAccept() throws StripeException {
    CancelFixtures.Subscriber s = c.subscriber();
    String halfOff = coupon("percent_off=50&duration=once");
    refused(400, "no_retention_offer", c.portal(s).post(path(s.subscription(), "retention/accept"), ""));
    String second = c.f.subscribe(s.customer(), c.f.proMonthly, 1);
    PortalClient offeredForSecond = c.portal(s, c.f.configuration, offer(second, halfOff));
    refused(400, "no_retention_offer", offeredForSecond.post(path(s.subscription(), "retention/accept"), ""));
    assertTrue(ok(offeredForSecond.get(path(s.subscription(), "cancel_options"))).get("retention").isNull());
    PortalClient noRetention = c.portal(s, c.f.configuration,
        "&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=" + s.subscription());
    refused(400, "no_retention_offer", noRetention.post(path(s.subscription(), "retention/accept"), ""));
    assertTrue(c.stripe.v1().subscriptions().retrieve(s.subscription()).getDiscounts().isEmpty());
  }

  @Test
  void aCouponThatBecameInvalidIsRefusedClearly() throws StripeException {
    // Redeemed to its limit elsewhere after the session was made.
    CancelFixtures.Subscriber s = c.subscriber();
    String single = coupon("percent_off=50&duration=once&max_redemptions=1");
    PortalClient portal = c.portal(s, c.f.configuration, offer(s.subscription(), single));
    assertTrue(ok(portal.get(path(s.subscription(), "cancel_options"))).at("/retention/available").asBoolean());
    CancelFixtures.Subscriber other = c.subscriber();
    c.stripe.v1().subscriptions().update(other.subscription(), SubscriptionUpdateParams.builder()
        .addDiscount(SubscriptionUpdateParams.Discount.builder().setCoupon(single).build()).build());
    JsonNode error = refused(400, "retention_offer_unavailable", portal.post(path(s.subscription(), "retention/accept"), ""));
    assertEquals("Sorry, this offer is no longer available.", error.get("message").asText());
    JsonNode shown = ok(portal.get(path(s.subscription(), "cancel_options"))).get("retention");
    assertFalse(shown.get("available").asBoolean());
    assertEquals("retention_offer_unavailable", shown.at("/reason/code").asText());

    // Deleted by the merchant.
    String deleted = coupon("percent_off=20&duration=once");
    PortalClient second = c.portal(s, c.f.configuration, offer(s.subscription(), deleted));
    ok(TestStack.send("DELETE", "/v1/coupons/" + deleted, c.f.key, null, null));
    refused(400, "retention_offer_unavailable", second.post(path(s.subscription(), "retention/accept"), ""));

    // An amount off in another currency, and a coupon the merchant never made.
    String euros = coupon("amount_off=500&currency=eur&duration=once");
    refused(400, "retention_offer_unavailable", c.portal(s, c.f.configuration, offer(s.subscription(), euros))
        .post(path(s.subscription(), "retention/accept"), ""));
    refused(400, "retention_offer_unavailable", c.portal(s, c.f.configuration, offer(s.subscription(), "NO_SUCH_COUPON"))
        .post(path(s.subscription(), "retention/accept"), ""));

    Subscription seen = c.stripe.v1().subscriptions().retrieve(s.subscription());
    assertTrue(seen.getDiscounts().isEmpty(), "no coupon applied");
    assertEquals("active", seen.getStatus());
    assertFalse(seen.getCancelAtPeriodEnd());
  }
}
