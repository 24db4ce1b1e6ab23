package io.portico.local;

import static io.portico.local.PlanChanges.ok;
import static io.portico.local.PlanChanges.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's limitations (001, "Einschränkungen des Kundenportals"), each set up through the
 * merchant API and seen through the portal API: the subscription becomes cancel-only or not
 * updatable, the home page says why, and every plan-change route refuses with the rule's code.
 * A refused change writes nothing.
 */
class PortalUpdateLimitationsTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  /** A customer of its own with a card, subscribed with {@code form}: the home page then shows that one subscription. */
  private static String[] subscribed(String form) {
    String customer = PlanChanges.customer(f, null);
    String subscription = PlanChanges.subscribe(f, customer, form).get("id").asText();
    return new String[] {customer, subscription};
  }

  /** The home page shows {@code mode} with {@code code}, and options, preview and update all refuse with it. */
  private static void assertNotUpdatable(String customer, String subscription, String mode, String code, String configuration) {
    PortalClient portal = PlanChanges.portal(f, customer, configuration, "");
    JsonNode home = ok(portal.get("/p/api/home"));
    JsonNode actions = home.at("/subscriptions/0/actions");
    assertEquals(subscription, home.at("/subscriptions/0/subscription/id").asText());
    assertEquals(mode, actions.get("mode").asText(), actions.toString());
    assertFalse(actions.at("/update/allowed").asBoolean());
    assertEquals(code, actions.at("/update/reason/code").asText(), actions.toString());
    assertFalse(actions.at("/update/reason/message").asText().isBlank());
    if (mode.equals("cancel_only")) assertTrue(actions.at("/cancel/allowed").asBoolean());
    String before = TestStack.get("/v1/subscriptions/" + subscription, f.key).body();
    int items = TestStack.itemsOwnedBy(f.merchant.account().id());
    String sub = "/p/api/subscriptions/" + subscription;
    JsonNode error = refused(portal.get(sub + "/update_options"), 400, code, null);
    assertEquals(actions.at("/update/reason/message").asText(), error.get("message").asText());
    refused(portal.post(sub + "/preview", "price=" + f.proMonthly), 400, code, null);
    refused(portal.post(sub + "/update", "price=" + f.proMonthly), 400, code, null);
    refused(portal.post(sub + "/update", "quantity=2"), 400, code, null);
    assertEquals(before, TestStack.get("/v1/subscriptions/" + subscription, f.key).body(), "a refused change writes nothing");
    assertEquals(items, TestStack.itemsOwnedBy(f.merchant.account().id()));
  }

  @Test
  void severalProductsMakeItCancelOnly() {
    String[] s = subscribed("items[0][price]=" + f.basicMonthly + "&items[1][price]=" + f.proMonthly);
    assertNotUpdatable(s[0], s[1], "cancel_only", "multiple_products", f.configuration);
  }

  @Test
  void aMeteredPriceMakesItCancelOnly() {
    // The merchant API creates metered prices but subscribes no one to them (usage reporting is not offered);
    // a subscription migrated onto one is put in place directly.
    String metered = PortalFixtures.ok(TestStack.post("/v1/prices", f.key, "currency=usd&unit_amount=5&recurring[interval]=month"
        + "&recurring[usage_type]=metered&tax_behavior=exclusive&product=" + f.basicProduct)).get("id").asText();
    String[] s = subscribed("items[0][price]=" + f.basicMonthly);
    PlanChanges.forceItemPrice(f, s[1], metered);
    assertEquals("metered", PlanChanges.merchantGet(f, "/v1/subscriptions/" + s[1]).at("/items/data/0/price/recurring/usage_type").asText());
    assertNotUpdatable(s[0], s[1], "cancel_only", "metered_price", f.configuration);
  }

  @Test
  void payingByInvoiceMakesItCancelOnly() {
    String[] s = subscribed("items[0][price]=" + f.basicMonthly + "&collection_method=send_invoice&days_until_due=30");
    assertNotUpdatable(s[0], s[1], "cancel_only", "send_invoice", f.configuration);
  }

  @Test
  void aPaymentMethodThatCannotPayTheCurrencyMakesItCancelOnly() {
    String[] s = subscribed("items[0][price]=" + f.basicMonthly);
    // SEPA debits pay in euros only; this subscription bills dollars.
    String sepa = PortalFixtures.ok(TestStack.post("/v1/payment_methods", f.key, "type=sepa_debit&sepa_debit[iban]=DE89370400440532013000"
        + "&billing_details[name]=Jenny%20Rosen&billing_details[email]=jenny%40example.com&billing_details[address][line1]=1%20Main"
        + "&billing_details[address][country]=DE&billing_details[address][postal_code]=10115")).get("id").asText();
    PortalFixtures.ok(TestStack.post("/v1/payment_methods/" + sepa + "/attach", f.key, "customer=" + s[0]));
    PortalFixtures.ok(TestStack.post("/v1/subscriptions/" + s[1], f.key, "default_payment_method=" + sepa));
    assertNotUpdatable(s[0], s[1], "cancel_only", "unsupported_payment_method", f.configuration);
  }

  @Test
  void aPendingScheduleMeansNoUpdate() {
    String[] s = subscribed("items[0][price]=" + f.basicMonthly);
    PortalFixtures.ok(TestStack.post("/v1/subscription_schedules", f.key, "from_subscription=" + s[1]));
    assertNotUpdatable(s[0], s[1], "cancel_only", "pending_schedule", f.configuration);
  }

  @Test
  void aCancellationAtPeriodEndMustBeWithdrawnFirst() {
    String[] s = subscribed("items[0][price]=" + f.basicMonthly + "&cancel_at_period_end=true");
    assertNotUpdatable(s[0], s[1], "renew", "cancellation_pending", f.configuration);
  }

  @Test
  void anUnspecifiedTaxBehaviorAllowsNoPriceChangeButAQuantityChange() {
    String legacy = PortalFixtures.ok(TestStack.post("/v1/prices", f.key, "currency=usd&unit_amount=1500&recurring[interval]=month"
        + "&product_data[name]=Legacy")).get("id").asText();
    JsonNode price = PlanChanges.merchantGet(f, "/v1/prices/" + legacy);
    assertEquals("unspecified", price.get("tax_behavior").asText());
    String config = PlanChanges.config(f, "&features[subscription_update][products][2][product]=" + price.get("product").asText()
        + "&features[subscription_update][products][2][prices][0]=" + legacy);
    String[] s = subscribed("items[0][price]=" + legacy);
    PortalClient portal = PlanChanges.portal(f, s[0], config, "");
    String sub = "/p/api/subscriptions/" + s[1];
    JsonNode options = ok(portal.get(sub + "/update_options"));
    JsonNode pro = options.at("/products/1/prices/0");
    assertFalse(pro.get("available").asBoolean());
    assertEquals("tax_behavior_unspecified", pro.at("/reason/code").asText());
    int items = TestStack.itemsOwnedBy(f.merchant.account().id());
    refused(portal.post(sub + "/preview", "price=" + f.proMonthly), 400, "tax_behavior_unspecified", "price");
    refused(portal.post(sub + "/update", "price=" + f.proMonthly), 400, "tax_behavior_unspecified", "price");
    assertEquals(items, TestStack.itemsOwnedBy(f.merchant.account().id()), "nothing written");
    JsonNode more = ok(portal.post(sub + "/update", "quantity=2"));
    assertEquals(2, more.at("/subscription/items/data/0/quantity").asLong(), "a quantity change keeps the price: allowed");
  }

  @Test
  void aPriceChangeNeedsTheSameTaxBehavior() {
    String inclusive = PortalFixtures.ok(TestStack.post("/v1/prices", f.key, "currency=usd&unit_amount=3000&recurring[interval]=month"
        + "&tax_behavior=inclusive&product_data[name]=Team")).get("id").asText();
    String product = PlanChanges.merchantGet(f, "/v1/prices/" + inclusive).get("product").asText();
    String config = PlanChanges.config(f, "&features[subscription_update][products][2][product]=" + product
        + "&features[subscription_update][products][2][prices][0]=" + inclusive);
    String[] s = subscribed("items[0][price]=" + f.basicMonthly);
    PortalClient portal = PlanChanges.portal(f, s[0], config, "");
    String sub = "/p/api/subscriptions/" + s[1];
    JsonNode error = refused(portal.post(sub + "/preview", "price=" + inclusive), 400, "tax_behavior_mismatch", "price");
    assertEquals("You cannot switch to this plan because its prices are taxed differently.", error.get("message").asText());
    String before = TestStack.get("/v1/subscriptions/" + s[1], f.key).body();
    refused(portal.post(sub + "/update", "price=" + inclusive), 400, "tax_behavior_mismatch", "price");
    assertEquals(before, TestStack.get("/v1/subscriptions/" + s[1], f.key).body());
    assertEquals(200, portal.post(sub + "/preview", "price=" + f.proMonthly).status(), "exclusive to exclusive is fine");
  }

  @Test
  void planChangesStayWithinWhatTheConfigurationOffers() {
    String eur = PortalFixtures.ok(TestStack.post("/v1/prices", f.key, "currency=eur&unit_amount=1800&recurring[interval]=month"
        + "&tax_behavior=exclusive&product=" + f.proProduct)).get("id").asText();
    String unlisted = f.price("Enterprise", 9900, "month");
    PortalFixtures otherMerchant = new PortalFixtures();
    String config = PlanChanges.config(f, "&features[subscription_update][products][1][prices][2]=" + eur
        + "&features[subscription_update][products][0][adjustable_quantity][enabled]=true"
        + "&features[subscription_update][products][0][adjustable_quantity][minimum]=1"
        + "&features[subscription_update][products][0][adjustable_quantity][maximum]=3");
    String[] s = subscribed("items[0][price]=" + f.basicMonthly);
    PortalClient portal = PlanChanges.portal(f, s[0], config, "");
    String sub = "/p/api/subscriptions/" + s[1];
    int items = TestStack.itemsOwnedBy(f.merchant.account().id());
    refused(portal.post(sub + "/update", "price=" + eur), 400, "currency_change", "price");
    refused(portal.post(sub + "/update", "price=" + unlisted), 400, "price_not_offered", "price");
    refused(portal.post(sub + "/update", "price=" + otherMerchant.proMonthly), 400, "price_not_offered", "price");
    JsonNode above = refused(portal.post(sub + "/update", "quantity=4"), 400, "quantity_above_maximum", "quantity");
    assertEquals("The quantity can be at most 3.", above.get("message").asText());
    refused(portal.post(sub + "/update", "quantity=0"), 400, "quantity_below_minimum", "quantity");
    refused(portal.post(sub + "/update", "quantity=1"), 400, "no_change", null);
    refused(portal.post(sub + "/update", "price=" + f.basicMonthly + "&promotion_code=NOSUCHCODE"), 400, "no_change", null);
    refused(portal.post(sub + "/update", "price=" + f.proMonthly + "&promotion_code=NOSUCHCODE"), 400, "promotion_code_invalid",
        "promotion_code");
    refused(portal.post(sub + "/update", "price=" + f.proMonthly + "&items[0][price]=" + unlisted), 400, "parameter_unknown",
        "items[0][price]");
    assertEquals(items, TestStack.itemsOwnedBy(f.merchant.account().id()), "refused changes write nothing");
    assertEquals(200, portal.post(sub + "/preview", "quantity=3").status());
  }
}
