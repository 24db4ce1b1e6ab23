package io.portico.local;

import static io.portico.local.PlanChanges.assertSameBill;
import static io.portico.local.PlanChanges.ok;
import static io.portico.local.PlanChanges.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions that start in a plan-change flow (deep links): {@code subscription_update}, where the
 * customer chooses, and {@code subscription_update_confirm}, where they confirm the change the
 * merchant prepared; each ends per {@code after_completion}.
 */
class PortalUpdateFlowsTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  private static String[] subscribed() {
    String customer = PlanChanges.customer(f, null);
    return new String[] {customer, PlanChanges.subscribe(f, customer, "items[0][price]=" + f.basicMonthly).get("id").asText()};
  }

  private static String updateFlow(String subscription, String afterCompletion) {
    return "&flow_data[type]=subscription_update&flow_data[subscription_update][subscription]=" + subscription + afterCompletion;
  }

  @Test
  void theUpdateFlowEndsOnThePortalHomepage() {
    String[] s = subscribed();
    PortalClient portal = PlanChanges.portal(f, s[0], f.configuration, updateFlow(s[1], "&flow_data[after_completion][type]=portal_homepage"));
    assertEquals("subscription_update", ok(portal.get("/p/api/home")).at("/session/flow/type").asText());
    JsonNode done = ok(portal.post("/p/api/subscriptions/" + s[1] + "/update", "price=" + f.proMonthly));
    assertEquals("portal_homepage", done.at("/after_completion/type").asText());
  }

  @Test
  void theUpdateFlowEndsOnAHostedConfirmationWithTheMerchantsMessage() {
    String[] s = subscribed();
    PortalClient portal = PlanChanges.portal(f, s[0], f.configuration, updateFlow(s[1],
        "&flow_data[after_completion][type]=hosted_confirmation&flow_data[after_completion][hosted_confirmation][custom_message]="
            + PortalClient.enc("Thanks, your new plan is active.")));
    JsonNode done = ok(portal.post("/p/api/subscriptions/" + s[1] + "/update", "quantity=2"));
    assertEquals("hosted_confirmation", done.at("/after_completion/type").asText());
    assertEquals("Thanks, your new plan is active.", done.at("/after_completion/hosted_confirmation/custom_message").asText());
  }

  @Test
  void theUpdateFlowEndsWithARedirectButOnlyForItsOwnSubscription() {
    String[] s = subscribed();
    String second = PlanChanges.subscribe(f, s[0], "items[0][price]=" + f.basicMonthly).get("id").asText();
    PortalClient portal = PlanChanges.portal(f, s[0], f.configuration, updateFlow(s[1],
        "&flow_data[after_completion][type]=redirect&flow_data[after_completion][redirect][return_url]="
            + PortalClient.enc("https://shop.example/thanks")));
    JsonNode other = ok(portal.post("/p/api/subscriptions/" + second + "/update", "quantity=2"));
    assertTrue(other.get("after_completion").isNull(), "another subscription does not complete the flow");
    JsonNode done = ok(portal.post("/p/api/subscriptions/" + s[1] + "/update", "price=" + f.proMonthly));
    assertEquals("redirect", done.at("/after_completion/type").asText());
    assertEquals("https://shop.example/thanks", done.at("/after_completion/redirect/return_url").asText());
  }

  @Test
  void theConfirmFlowAppliesExactlyTheMerchantsPreparedChange() {
    String[] s = subscribed();
    String item = PlanChanges.merchantGet(f, "/v1/subscriptions/" + s[1]).at("/items/data/0/id").asText();
    // A plan the configuration does not list: the merchant prepared it, the customer only confirms.
    String enterprise = f.price("Enterprise", 5000, "month");
    String coupon = PortalFixtures.ok(TestStack.post("/v1/coupons", f.key, "amount_off=500&currency=usd&duration=once")).get("id").asText();
    TestStack.CLOCK.advance(Duration.ofDays(6).plusHours(5));
    String flow = "&flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][subscription]=" + s[1]
        + "&flow_data[subscription_update_confirm][items][0][id]=" + item
        + "&flow_data[subscription_update_confirm][items][0][price]=" + enterprise
        + "&flow_data[subscription_update_confirm][items][0][quantity]=2"
        + "&flow_data[subscription_update_confirm][discounts][0][coupon]=" + coupon
        + "&flow_data[after_completion][type]=hosted_confirmation"
        + "&flow_data[after_completion][hosted_confirmation][custom_message]=Welcome%20to%20Enterprise";
    String config = PlanChanges.config(f, "&features[subscription_update][proration_behavior]=always_invoice");
    PortalClient portal = PlanChanges.portal(f, s[0], config, flow);

    JsonNode preview = ok(portal.get("/p/api/flow/update_confirm/preview"));
    assertEquals("billing_portal.subscription_update_preview", preview.get("object").asText());
    assertEquals(enterprise, preview.at("/items/0/price").asText());
    assertEquals(2, preview.at("/items/0/quantity").asLong());
    assertEquals("Enterprise", preview.at("/items/0/product_name").asText(), "a plan no page lists is named too");
    assertEquals(coupon, preview.at("/discounts/0/coupon").asText());
    assertEquals(java.util.List.of(500L), PlanChanges.discountAmounts(preview.get("invoice_now")));
    long at = preview.get("proration_date").asLong();

    // The customer cannot alter it: nothing but the quote's date is accepted.
    refused(portal.post("/p/api/flow/update_confirm", "price=" + f.basicMonthly), 400, "parameter_unknown", "price");
    refused(portal.post("/p/api/flow/update_confirm", "items[0][quantity]=1"), 400, "parameter_unknown", "items[0][quantity]");
    JsonNode done = ok(portal.post("/p/api/flow/update_confirm", "proration_date=" + at));
    assertEquals(enterprise, done.at("/subscription/items/data/0/price/id").asText());
    assertEquals(2, done.at("/subscription/items/data/0/quantity").asLong());
    assertEquals(1, done.at("/subscription/discounts").size());
    assertSameBill(preview.get("invoice_now"), done.get("invoice"));
    assertEquals("hosted_confirmation", done.at("/after_completion/type").asText());
    assertEquals("Welcome to Enterprise", done.at("/after_completion/hosted_confirmation/custom_message").asText());
    assertEquals("customer_portal", PlanChanges.events(f.merchant.account().id(), "customer.subscription.updated", s[1]).get(0)
        .at("/actor/type").asText());

    // Confirmed once: the link cannot apply it (nor redeem the coupon) again.
    refused(portal.post("/p/api/flow/update_confirm", ""), 400, "no_change", null);
    assertEquals(1, PlanChanges.merchantGet(f, "/v1/coupons/" + coupon).get("times_redeemed").asLong());
  }

  @Test
  void aPreparedChangeStillObeysTheSeedsRules() {
    String[] s = subscribed();
    String item = PlanChanges.merchantGet(f, "/v1/subscriptions/" + s[1]).at("/items/data/0/id").asText();
    String inclusive = PortalFixtures.ok(TestStack.post("/v1/prices", f.key, "currency=usd&unit_amount=3000&recurring[interval]=month"
        + "&tax_behavior=inclusive&product_data[name]=Inclusive")).get("id").asText();
    PortalClient portal = PlanChanges.portal(f, s[0], f.configuration, "&flow_data[type]=subscription_update_confirm"
        + "&flow_data[subscription_update_confirm][subscription]=" + s[1] + "&flow_data[subscription_update_confirm][items][0][id]=" + item
        + "&flow_data[subscription_update_confirm][items][0][price]=" + inclusive);
    refused(portal.get("/p/api/flow/update_confirm/preview"), 400, "tax_behavior_mismatch", null);
    refused(portal.post("/p/api/flow/update_confirm", ""), 400, "tax_behavior_mismatch", null);
    // So does a pending schedule.
    PortalFixtures.ok(TestStack.post("/v1/subscription_schedules", f.key, "from_subscription=" + s[1]));
    refused(portal.post("/p/api/flow/update_confirm", ""), 400, "pending_schedule", null);
    assertEquals(f.basicMonthly, PlanChanges.merchantGet(f, "/v1/subscriptions/" + s[1]).at("/items/data/0/price/id").asText());
  }

  @Test
  void withoutAPreparedChangeThereIsNothingToConfirm() {
    PortalClient portal = f.browser();
    refused(portal.get("/p/api/flow/update_confirm/preview"), 400, "no_update_to_confirm", null);
    refused(portal.post("/p/api/flow/update_confirm", ""), 400, "no_update_to_confirm", null);
    PortalClient updating = PortalClient.browser(f.sessionUrl(updateFlow(f.subscription, "")));
    refused(updating.post("/p/api/flow/update_confirm", ""), 400, "no_update_to_confirm", null);
  }
}
