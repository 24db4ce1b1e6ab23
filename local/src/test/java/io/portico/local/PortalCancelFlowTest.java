package io.portico.local;

import static io.portico.local.CancelFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.StripeException;
import com.stripe.param.SubscriptionUpdateParams;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code subscription_cancel} deep link: a session made with it starts in the cancel flow on
 * its subscription ({@code GET /p/api/flow} says where, and whether it can still be done), and the
 * action that completes it — cancelling, or accepting the retention offer — answers with the
 * session's {@code after_completion}: back to the portal home, a hosted confirmation with the
 * merchant's message, or a redirect.
 */
class PortalCancelFlowTest {
  private static CancelFixtures c;
  private static String immediateNone;

  @BeforeAll
  static void setUp() {
    c = new CancelFixtures();
    immediateNone = c.configuration("&features[subscription_cancel][mode]=immediately&features[subscription_cancel][proration_behavior]=none");
  }

  private static String cancelFlow(String subscription) {
    return "&flow_data[type]=subscription_cancel&flow_data[subscription_cancel][subscription]=" + subscription;
  }

  private static String path(String subscription, String action) {
    return "/p/api/subscriptions/" + subscription + "/" + action;
  }

  /** The three after_completion types, each as the session states it and as the completing cancel returns it. */
  @Test
  void cancellingCompletesTheFlowWithEachAfterCompletionType() {
    Map<String, String> afterCompletion = Map.of(
        "portal_homepage", "&flow_data[after_completion][type]=portal_homepage",
        "hosted_confirmation", "&flow_data[after_completion][type]=hosted_confirmation"
            + "&flow_data[after_completion][hosted_confirmation][custom_message]=Sorry%20to%20see%20you%20go.",
        "redirect", "&flow_data[after_completion][type]=redirect&flow_data[after_completion][redirect][return_url]=https%3A%2F%2Fshop.example%2Fbye");
    for (var type : afterCompletion.entrySet()) {
      for (String config : new String[] {c.f.configuration, immediateNone}) {
        CancelFixtures.Subscriber s = c.subscriber();
        PortalClient portal = c.portal(s, config, cancelFlow(s.subscription()) + type.getValue());
        JsonNode home = ok(portal.get("/p/api/home"));
        assertEquals("subscription_cancel", home.at("/session/flow/type").asText());
        assertEquals(s.subscription(), home.at("/session/flow/subscription_cancel/subscription").asText());

        JsonNode flow = ok(portal.get("/p/api/flow"));
        assertEquals("billing_portal.flow_state", flow.get("object").asText());
        assertEquals("subscription_cancel", flow.get("type").asText());
        assertEquals("subscription_cancel", flow.get("start").asText(), "the page opens in the cancel flow");
        assertEquals(s.subscription(), flow.get("subscription").asText());
        assertTrue(flow.get("actionable").asBoolean(), flow.toString());
        assertTrue(flow.get("reason").isNull());
        assertEquals(type.getKey(), flow.at("/after_completion/type").asText());

        JsonNode done = ok(portal.post(path(s.subscription(), "cancel"), "reason=missing_features"));
        JsonNode after = done.get("after_completion");
        assertEquals(type.getKey(), after.get("type").asText(), config);
        switch (type.getKey()) {
          case "hosted_confirmation" -> assertEquals("Sorry to see you go.", after.at("/hosted_confirmation/custom_message").asText());
          case "redirect" -> assertEquals("https://shop.example/bye", after.at("/redirect/return_url").asText());
          default -> {
            assertTrue(after.get("redirect").isNull());
            assertTrue(after.get("hosted_confirmation").isNull());
          }
        }
        assertEquals(config.equals(immediateNone) ? "canceled" : "active", c.subscription(s.subscription()).get("status").asText());
        // Answering the survey afterwards still ends with the flow's destination.
        if (!config.equals(immediateNone)) {
          assertEquals(type.getKey(), ok(portal.post(path(s.subscription(), "cancellation_reason"), "reason=too_expensive"))
              .at("/after_completion/type").asText());
        }
        JsonNode afterwards = ok(portal.get("/p/api/flow"));
        assertFalse(afterwards.get("actionable").asBoolean(), "done: nothing left to do in the flow");
        assertEquals(config.equals(immediateNone) ? "subscription_ended" : "cancellation_pending", afterwards.at("/reason/code").asText());
      }
    }
  }

  @Test
  void acceptingTheRetentionOfferCompletesTheFlowToo() {
    CancelFixtures.Subscriber s = c.subscriber();
    ok(TestStack.post("/v1/coupons", c.f.key, "id=FLOW25&amount_off=250&currency=usd&duration=once"));
    PortalClient portal = c.portal(s, c.f.configuration, cancelFlow(s.subscription())
        + "&flow_data[subscription_cancel][retention][type]=coupon_offer&flow_data[subscription_cancel][retention][coupon_offer][coupon]=FLOW25"
        + "&flow_data[after_completion][type]=hosted_confirmation"
        + "&flow_data[after_completion][hosted_confirmation][custom_message]=Glad%20you%20stay!");
    JsonNode flow = ok(portal.get("/p/api/flow"));
    assertTrue(flow.at("/retention/available").asBoolean(), flow.toString());
    assertEquals(250, flow.at("/retention/coupon/amount_off").asInt());
    assertEquals("usd", flow.at("/retention/coupon/currency").asText());
    JsonNode accepted = ok(portal.post(path(s.subscription(), "retention/accept"), ""));
    assertEquals("hosted_confirmation", accepted.at("/after_completion/type").asText());
    assertEquals("Glad you stay!", accepted.at("/after_completion/hosted_confirmation/custom_message").asText());
    assertEquals("active", accepted.at("/subscription/status").asText());
    assertEquals(1, accepted.at("/subscription/discounts").size());
  }

  @Test
  void actionsOnOtherSubscriptionsDoNotCompleteTheFlow() {
    CancelFixtures.Subscriber s = c.subscriber();
    String other = c.f.subscribe(s.customer(), c.f.proMonthly, 1);
    PortalClient portal = c.portal(s, c.f.configuration, cancelFlow(s.subscription())
        + "&flow_data[after_completion][type]=redirect&flow_data[after_completion][redirect][return_url]=https%3A%2F%2Fshop.example%2Fbye");
    JsonNode elsewhere = ok(portal.post(path(other, "cancel"), ""));
    assertTrue(elsewhere.get("after_completion").isNull(), "not the flow's subscription: the customer stays in the portal");
    assertTrue(ok(portal.post(path(other, "renew"), "")).get("after_completion").isNull(), "renewing completes no flow");
    assertEquals("redirect", ok(portal.post(path(s.subscription(), "cancel"), "")).at("/after_completion/type").asText());
  }

  @Test
  void aFlowThatCanNoLongerBeDoneSaysWhy() throws StripeException {
    JsonNode none = ok(c.portal(c.subscriber()).get("/p/api/flow"));
    assertEquals("home", none.get("start").asText(), "no deep link: the home page");
    assertTrue(none.get("type").isNull());
    assertTrue(none.get("actionable").asBoolean());

    CancelFixtures.Subscriber ended = c.subscriber();
    ok(TestStack.send("DELETE", "/v1/subscriptions/" + ended.subscription(), c.f.key, null, null));
    PortalClient portal = c.portal(ended, c.f.configuration, cancelFlow(ended.subscription()));
    JsonNode flow = ok(portal.get("/p/api/flow"));
    assertEquals("subscription_cancel", flow.get("start").asText());
    assertFalse(flow.get("actionable").asBoolean());
    assertEquals("subscription_ended", flow.at("/reason/code").asText());
    assertEquals("This subscription has ended.", flow.at("/reason/message").asText());
    CancelFixtures.refused(400, "subscription_ended", portal.post(path(ended.subscription(), "cancel"), ""));

    CancelFixtures.Subscriber ending = c.subscriber();
    c.stripe.v1().subscriptions().update(ending.subscription(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
    JsonNode pending = ok(c.portal(ending, c.f.configuration, cancelFlow(ending.subscription())).get("/p/api/flow"));
    assertFalse(pending.get("actionable").asBoolean());
    assertEquals("cancellation_pending", pending.at("/reason/code").asText(), "already set to end: renew instead");
    JsonNode update = ok(c.portal(ending, c.f.configuration, "&flow_data[type]=subscription_update&flow_data[subscription_update][subscription]="
        + ending.subscription()).get("/p/api/flow"));
    assertEquals("subscription_update", update.get("start").asText());
    assertEquals("cancellation_pending", update.at("/reason/code").asText());

    CancelFixtures.Subscriber plain = c.subscriber();
    JsonNode updatable = ok(c.portal(plain, c.f.configuration, "&flow_data[type]=subscription_update&flow_data[subscription_update][subscription]="
        + plain.subscription()).get("/p/api/flow"));
    assertTrue(updatable.get("actionable").asBoolean(), updatable.toString());
    JsonNode methods = ok(c.portal(plain, c.f.configuration, "&flow_data[type]=payment_method_update").get("/p/api/flow"));
    assertEquals("payment_method_update", methods.get("start").asText());
    assertTrue(methods.get("subscription").isNull());
    assertTrue(methods.get("actionable").asBoolean());
  }
}
