package io.portico.local;

import static io.portico.local.PlanChanges.ok;
import static io.portico.local.PlanChanges.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's plan-change routes as a whole: what they offer, the feature switch, who may call
 * them on which subscription, and that a customer can only change, never create, a subscription.
 */
class PortalUpdateOptionsTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  private static String options(String subscription) {
    return "/p/api/subscriptions/" + subscription + "/update_options";
  }

  @Test
  void optionsListTheConfiguredPlansWithQuantityBoundsAndTheCurrentItem() {
    String config = PlanChanges.config(f, "&features[subscription_update][products][0][adjustable_quantity][enabled]=true"
        + "&features[subscription_update][products][0][adjustable_quantity][minimum]=2"
        + "&features[subscription_update][products][0][adjustable_quantity][maximum]=5");
    JsonNode o = ok(PlanChanges.portal(f, f.customer, config, "").get(options(f.subscription)));
    assertEquals("billing_portal.subscription_update_options", o.get("object").asText());
    assertEquals(f.subscription, o.get("subscription").asText());
    assertEquals("[\"price\",\"promotion_code\",\"quantity\"]", o.get("kinds").toString());
    assertEquals(f.basicMonthly, o.at("/current/price").asText());
    assertEquals(1, o.at("/current/quantity").asLong());
    assertEquals(1000, o.at("/current/unit_amount").asLong());
    assertEquals("month", o.at("/current/interval").asText());
    assertTrue(o.get("promotion_codes").asBoolean());
    assertEquals("create_prorations", o.get("proration_behavior").asText());
    assertEquals("end_trial", o.get("trial_update_behavior").asText());

    assertEquals(2, o.get("products").size());
    JsonNode basic = o.at("/products/0");
    assertEquals("Basic", basic.get("name").asText());
    assertEquals("{\"adjustable\":true,\"minimum\":2,\"maximum\":5}", basic.get("quantity").toString());
    assertTrue(basic.at("/prices/0/current").asBoolean());
    assertTrue(basic.at("/prices/0/available").asBoolean(), "the current price with another quantity");
    JsonNode pro = o.at("/products/1");
    assertEquals("Pro", pro.get("name").asText());
    assertEquals("{\"adjustable\":true,\"minimum\":1,\"maximum\":null}", pro.get("quantity").toString());
    assertEquals(f.proMonthly, pro.at("/prices/0/id").asText());
    assertEquals(2000, pro.at("/prices/0/unit_amount").asLong());
    assertEquals("usd", pro.at("/prices/0/currency").asText());
    assertEquals("exclusive", pro.at("/prices/0/tax_behavior").asText());
    assertFalse(pro.at("/prices/0/current").asBoolean());
    assertTrue(pro.at("/prices/0/available").asBoolean());
    assertEquals(f.proYearly, pro.at("/prices/1/id").asText());
    assertEquals("year", pro.at("/prices/1/interval").asText());
    assertTrue(pro.at("/prices/1/reason").isNull());
  }

  @Test
  void withoutPriceUpdatesOnlyTheQuantityIsOfferedAndEachPriceSaysWhy() {
    PortalClient customer = PlanChanges.portal(f, f.customer, onlyQuantity(), "");
    JsonNode o = ok(customer.get(options(f.subscription)));
    assertEquals("[\"quantity\"]", o.get("kinds").toString());
    assertFalse(o.get("promotion_codes").asBoolean());
    JsonNode pro = o.at("/products/1/prices/0");
    assertFalse(pro.get("available").asBoolean());
    assertEquals("price_update_not_allowed", pro.at("/reason/code").asText());
    assertEquals("You cannot switch plans here.", pro.at("/reason/message").asText());
    refused(customer.post("/p/api/subscriptions/" + f.subscription + "/preview", "price=" + f.proMonthly), 400, "price_update_not_allowed",
        "price");
    refused(customer.post("/p/api/subscriptions/" + f.subscription + "/preview", "quantity=2&promotion_code=ANY"), 400,
        "promotion_code_not_allowed", "promotion_code");
    assertEquals(200, customer.post("/p/api/subscriptions/" + f.subscription + "/preview", "quantity=2").status());
  }

  /** The fixture's configuration with quantity as the only allowed update (the form lists all three, so rebuild it). */
  private static String onlyQuantity() {
    String form = f.configurationForm("").replace("&features[subscription_update][default_allowed_updates][0]=price", "")
        .replace("&features[subscription_update][default_allowed_updates][1]=quantity", "&features[subscription_update][default_allowed_updates][0]=quantity")
        .replace("&features[subscription_update][default_allowed_updates][2]=promotion_code", "");
    return PortalFixtures.ok(TestStack.post("/v1/billing_portal/configurations", f.key, form)).get("id").asText();
  }

  @Test
  void everyPlanChangeRouteIs403WhenTheFeatureIsOff() {
    String config = PlanChanges.config(f, "&features[subscription_update][enabled]=false");
    PortalClient customer = PlanChanges.portal(f, f.customer, config, "");
    String before = TestStack.get("/v1/subscriptions/" + f.subscription, f.key).body();
    String sub = "/p/api/subscriptions/" + f.subscription;
    List<TestStack.Answer> answers = List.of(customer.get(sub + "/update_options"),
        customer.post(sub + "/preview", "price=" + f.proMonthly),
        customer.post(sub + "/update", "price=" + f.proMonthly),
        customer.get("/p/api/flow/update_confirm/preview"),
        customer.post("/p/api/flow/update_confirm", ""),
        // the feature is judged before the id: an unknown one learns nothing either
        customer.get("/p/api/subscriptions/sub_unknown/update_options"));
    for (TestStack.Answer a : answers) {
      JsonNode error = refused(a, 403, "feature_disabled", null);
      assertTrue(error.get("message").asText().contains("features[subscription_update]"), error.toString());
    }
    assertEquals(before, TestStack.get("/v1/subscriptions/" + f.subscription, f.key).body(), "nothing changed");
    JsonNode home = ok(customer.get("/p/api/home"));
    assertEquals("update_disabled", home.at("/subscriptions/0/actions/update/reason/code").asText());
  }

  @Test
  void anotherCustomersOrAnotherMerchantsSubscriptionIs404AndNothingChanges() {
    String otherCustomer = f.otherCustomer();
    String sameMerchant = PlanChanges.merchantGet(f, "/v1/subscriptions?customer=" + otherCustomer).at("/data/0/id").asText();
    PortalFixtures other = new PortalFixtures();
    PortalClient customer = f.browser();
    for (String id : List.of(sameMerchant, other.subscription, "sub_unknown")) {
      PortalFixtures owner = id.equals(other.subscription) ? other : f;
      String before = TestStack.get("/v1/subscriptions/" + id, owner.key).body();
      int items = TestStack.itemsOwnedBy(f.merchant.account().id());
      int otherItems = TestStack.itemsOwnedBy(other.merchant.account().id());
      String sub = "/p/api/subscriptions/" + id;
      List<Function<PortalClient, TestStack.Answer>> calls = List.of(c -> c.get(sub + "/update_options"),
          c -> c.post(sub + "/preview", "price=" + f.proMonthly), c -> c.post(sub + "/update", "price=" + f.proMonthly),
          c -> c.post(sub + "/update", "quantity=3"));
      for (var call : calls) {
        JsonNode error = refused(call.apply(customer), 404, "resource_missing", null);
        assertEquals("No such subscription: '" + id + "'", error.get("message").asText(), "the same answer as for an unknown id");
      }
      assertEquals(before, TestStack.get("/v1/subscriptions/" + id, owner.key).body(), "nothing changed on " + id);
      assertEquals(items, TestStack.itemsOwnedBy(f.merchant.account().id()));
      assertEquals(otherItems, TestStack.itemsOwnedBy(other.merchant.account().id()));
    }
    // A deep link naming another customer's subscription leads nowhere either.
    String url = f.sessionUrl("&flow_data[type]=subscription_update_confirm&flow_data[subscription_update_confirm][subscription]=" + sameMerchant
        + "&flow_data[subscription_update_confirm][items][0][id]=si_x&flow_data[subscription_update_confirm][items][0][price]=" + f.proMonthly);
    PortalClient flow = PortalClient.browser(url);
    refused(flow.get("/p/api/flow/update_confirm/preview"), 404, "resource_missing", null);
    refused(flow.post("/p/api/flow/update_confirm", ""), 404, "resource_missing", null);
  }

  @Test
  void anExpiredSessionIs401AndChangesNothing() {
    PortalClient customer = f.browser();
    String before = TestStack.get("/v1/subscriptions/" + f.subscription, f.key).body();
    TestStack.CLOCK.advance(Duration.ofMinutes(61));
    String sub = "/p/api/subscriptions/" + f.subscription;
    for (TestStack.Answer a : List.of(customer.get(sub + "/update_options"), customer.post(sub + "/preview", "price=" + f.proMonthly),
        customer.post(sub + "/update", "price=" + f.proMonthly), customer.post("/p/api/flow/update_confirm", ""))) {
      refused(a, 401, "portal_session_expired", null);
    }
    assertEquals(before, TestStack.get("/v1/subscriptions/" + f.subscription, f.key).body());
  }

  @Test
  void customersCannotCreateSubscriptions() {
    String customer = PlanChanges.customer(f, null);
    PortalClient portal = PlanChanges.portal(f, customer, f.configuration, "");
    int items = TestStack.itemsOwnedBy(f.merchant.account().id());
    // There is no route to subscribe, and the plan-change routes only move a subscription the customer already has.
    TestStack.Answer create = portal.post("/p/api/subscriptions", "price=" + f.basicMonthly);
    assertTrue(create.status() == 401 || create.status() == 404, create.status() + " " + create.body()); // no such portal route
    refused(portal.post("/p/api/subscriptions/sub_new/update", "price=" + f.basicMonthly), 404, "resource_missing", null);
    assertEquals(0, ok(portal.get("/p/api/home")).get("subscriptions").size());
    assertEquals(0, PlanChanges.merchantGet(f, "/v1/subscriptions?customer=" + customer).get("data").size());
    assertEquals(items, TestStack.itemsOwnedBy(f.merchant.account().id()));
  }
}
