package io.portico.local;

import static io.portico.local.PortalBillingFixtures.assertPortalEvent;
import static io.portico.local.PortalBillingFixtures.browser;
import static io.portico.local.PortalBillingFixtures.tokenize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payment methods in the portal: added through the test provider's tokenization (the card number
 * never reaches the portal API), made the default, removed; the seed's rule (a subscription keeps a
 * payment method it can be charged with: a new one is added before the old one can go), and what
 * the merchant sees of it.
 */
class PortalBillingPaymentMethodsTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  private static JsonNode merchantView(String path) {
    return PortalFixtures.ok(TestStack.get(path, f.key));
  }

  private static String defaultOf(String customer) {
    return merchantView("/v1/customers/" + customer).at("/invoice_settings/default_payment_method").asText(null);
  }

  @Test
  void removingTheLastChargeablePaymentMethodIsRefusedAddingOneFirstAllowsIt() {
    String customer = PortalBillingFixtures.customerWithSubscription(f);
    String oldCard = defaultOf(customer);
    PortalClient portal = browser(f, customer, f.configuration, "");
    String session = PortalBillingFixtures.sessionOf(portal);

    TestStack.Answer refused = portal.delete("/p/api/payment_methods/" + oldCard);
    assertEquals(400, refused.status(), refused.body());
    assertEquals("last_chargeable_payment_method", refused.json().at("/error/code").asText());
    assertEquals("payment_method", refused.json().at("/error/param").asText());
    assertTrue(refused.json().at("/error/message").asText().startsWith("Your subscription needs a payment method"), refused.body());
    assertEquals(customer, merchantView("/v1/payment_methods/" + oldCard).get("customer").asText(), "still attached");

    // Add a new card through the provider's tokenization, then the old one may go.
    String newCard = tokenize(portal, PortalBillingFixtures.VISA.replace("4242424242424242", "5555555555554444"));
    TestStack.Answer added = portal.post("/p/api/payment_methods", "payment_method=" + newCard);
    assertEquals(200, added.status(), added.body());
    assertEquals("billing_portal.payment_method_change", added.json().get("object").asText());
    assertEquals(customer, added.json().at("/payment_method/customer").asText());
    assertEquals("4444", added.json().at("/payment_method/card/last4").asText());
    assertEquals(oldCard, added.json().get("default_payment_method").asText(), "the customer had a default: it stays");
    assertTrue(added.json().get("after_completion").isNull(), "no flow: the customer stays in the portal");
    assertPortalEvent(f.merchant.account().id(), "payment_method.attached", newCard, session);

    TestStack.Answer removed = portal.delete("/p/api/payment_methods/" + oldCard);
    assertEquals(200, removed.status(), removed.body());
    assertTrue(removed.json().at("/payment_method/customer").isNull());
    assertEquals(newCard, removed.json().get("default_payment_method").asText(), "the remaining card became the default first");
    assertTrue(merchantView("/v1/payment_methods/" + oldCard).get("customer").isNull(), "the merchant sees it detached");
    assertEquals(newCard, defaultOf(customer), "subscriptions keep being charged: the new card is the customer's default");
    assertPortalEvent(f.merchant.account().id(), "payment_method.detached", oldCard, session);
    assertEquals(1, portal.get("/p/api/home").json().get("payment_methods").size());

    TestStack.Answer last = portal.delete("/p/api/payment_methods/" + newCard);
    assertEquals(400, last.status(), last.body());
    assertEquals("last_chargeable_payment_method", last.json().at("/error/code").asText());
  }

  @Test
  void aCustomerWithoutSubscriptionsMayRemoveTheirLastPaymentMethod() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    String card = defaultOf(customer);
    PortalClient portal = browser(f, customer, f.configuration, "");
    TestStack.Answer removed = portal.delete("/p/api/payment_methods/" + card);
    assertEquals(200, removed.status(), removed.body());
    assertTrue(removed.json().get("default_payment_method").isNull());
    assertTrue(merchantView("/v1/payment_methods/" + card).get("customer").isNull());
  }

  @Test
  void aCanceledSubscriptionNeedsNoPaymentMethod() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    String sub = f.subscribe(customer, f.basicMonthly, 1);
    PortalFixtures.ok(TestStack.send("DELETE", "/v1/subscriptions/" + sub, f.key, null, null));
    PortalClient portal = browser(f, customer, f.configuration, "");
    assertEquals(200, portal.delete("/p/api/payment_methods/" + defaultOf(customer)).status());
  }

  @Test
  void settingTheDefaultAndAddingAsDefault() {
    String customer = PortalBillingFixtures.customerWithSubscription(f);
    String first = defaultOf(customer);
    PortalClient portal = PortalClient.frontEnd(f.sessionUrl(customer, f.configuration, ""));
    String second = tokenize(portal, PortalBillingFixtures.VISA);
    TestStack.Answer added = portal.post("/p/api/payment_methods", "payment_method=" + second + "&default=true");
    assertEquals(200, added.status(), added.body());
    assertEquals(second, added.json().get("default_payment_method").asText());
    assertEquals(second, defaultOf(customer));

    TestStack.Answer back = portal.post("/p/api/payment_methods/" + first + "/default", "");
    assertEquals(200, back.status(), back.body());
    assertEquals(first, back.json().get("default_payment_method").asText());
    assertEquals(first, back.json().at("/payment_method/id").asText());
    assertEquals(first, defaultOf(customer), "the merchant sees the new default");
    assertEquals(first, portal.get("/p/api/home").json().at("/customer/default_payment_method").asText());

    // A customer without a default gets the first card they add as the default (so subscriptions can charge it).
    String bare = PortalFixtures.ok(TestStack.post("/v1/customers", f.key, "name=Bare")).get("id").asText();
    PortalClient bareView = browser(f, bare, f.configuration, "");
    String card = tokenize(bareView, PortalBillingFixtures.VISA);
    assertEquals(card, bareView.post("/p/api/payment_methods", "payment_method=" + card).json().get("default_payment_method").asText());
    assertEquals(card, defaultOf(bare));
  }

  @Test
  void aDeclinedCardIsNotSaved() {
    String customer = PortalBillingFixtures.customerWithSubscription(f);
    PortalClient portal = browser(f, customer, f.configuration, "");
    String declined = tokenize(portal, PortalBillingFixtures.VISA.replace("4242424242424242", "4000000000000002"));
    TestStack.Answer a = portal.post("/p/api/payment_methods", "payment_method=" + declined);
    assertEquals(402, a.status(), a.body());
    assertEquals("card_error", a.json().at("/error/type").asText());
    assertEquals("card_declined", a.json().at("/error/code").asText());
    assertTrue(merchantView("/v1/payment_methods/" + declined).get("customer").isNull());
    assertEquals(1, merchantView("/v1/customers/" + customer + "/payment_methods").get("data").size());
  }

  @Test
  void cardDetailsNeverReachThePortalApi() {
    String customer = PortalBillingFixtures.customerWithSubscription(f);
    PortalClient portal = browser(f, customer, f.configuration, "");
    TestStack.Answer a = portal.post("/p/api/payment_methods", PortalBillingFixtures.VISA);
    assertEquals(400, a.status(), a.body());
    assertFalse(a.body().contains("4242"), a.body());
    assertEquals(1, merchantView("/v1/customers/" + customer + "/payment_methods").get("data").size());

    // The tokenization takes payment details only: no metadata or other merchant fields, no attaching.
    TestStack.Answer withMetadata = portal.post("/p/provider/test/payment_methods", PortalBillingFixtures.VISA + "&metadata[plan]=free");
    assertEquals(400, withMetadata.status(), withMetadata.body());
    assertEquals("parameter_unknown", withMetadata.json().at("/error/code").asText());
    TestStack.Answer attaching = portal.post("/p/provider/test/payment_methods", PortalBillingFixtures.VISA + "&customer=" + customer);
    assertEquals(400, attaching.status(), attaching.body());
    // It takes a portal session, the CSRF token with the cookie, and the feature.
    assertEquals(401, TestStack.post("/p/provider/test/payment_methods", null, PortalBillingFixtures.VISA).status());
    assertEquals(401, TestStack.post("/p/provider/test/payment_methods", f.key, PortalBillingFixtures.VISA).status(), "a secret key is no portal credential");
    assertEquals(403, portal.withoutCsrf().post("/p/provider/test/payment_methods", PortalBillingFixtures.VISA).status());
  }

  @Test
  void everyActionNeedsTheFeature() {
    String customer = PortalBillingFixtures.customerWithSubscription(f);
    String card = defaultOf(customer);
    String off = PortalBillingFixtures.configuration(f, "&features[payment_method_update][enabled]=false");
    PortalClient portal = browser(f, customer, off, "");
    for (TestStack.Answer a : List.of(
        portal.post("/p/provider/test/payment_methods", PortalBillingFixtures.VISA),
        portal.post("/p/api/payment_methods", "payment_method=pm_card_visa"),
        portal.post("/p/api/payment_methods/" + card + "/default", ""),
        portal.delete("/p/api/payment_methods/" + card))) {
      assertEquals(403, a.status(), a.body());
      assertEquals("feature_disabled", a.json().at("/error/code").asText());
      assertTrue(a.json().at("/error/message").asText().contains("payment_method_update"), a.body());
    }
    assertEquals(1, merchantView("/v1/customers/" + customer + "/payment_methods").get("data").size(), "nothing changed");
    assertTrue(portal.get("/p/api/home").json().get("payment_methods").isEmpty(), "and the home shows none");
  }

  @Test
  void twoRemovalsRacingCannotStrandTheSubscription() {
    String customer = PortalBillingFixtures.customerWithSubscription(f);
    String a = defaultOf(customer);
    String b = f.attachCard(customer, "pm_card_mastercard");
    PortalClient portal = PortalClient.frontEnd(f.sessionUrl(customer, f.configuration, ""));
    List<TestStack.Answer> answers = TestStack.concurrently(2, k -> portal.delete("/p/api/payment_methods/" + (k == 0 ? a : b)));
    long removed = answers.stream().filter(x -> x.status() == 200).count();
    assertEquals(1, removed, answers.get(0).body() + " / " + answers.get(1).body());
    for (TestStack.Answer x : answers) {
      if (x.status() != 200) assertTrue(x.status() == 400 || x.status() == 429, x.body());
    }
    JsonNode left = merchantView("/v1/customers/" + customer + "/payment_methods").get("data");
    assertEquals(1, left.size(), "one payment method remains for the subscription");
    assertEquals(left.get(0).get("id").asText(), defaultOf(customer), "and it is the default");
  }

  @Test
  void thePaymentMethodUpdateFlowEndsAsTheSessionSays() {
    String[][] endings = {
        {"portal_homepage", "", "/type", "portal_homepage"},
        {"hosted_confirmation", "&flow_data[after_completion][hosted_confirmation][custom_message]=Thanks%2C%20all%20set",
            "/hosted_confirmation/custom_message", "Thanks, all set"},
        {"redirect", "&flow_data[after_completion][redirect][return_url]=https%3A%2F%2Fshop.example%2Fdone", "/redirect/return_url",
            "https://shop.example/done"}};
    for (String[] ending : endings) {
      String customer = PortalBillingFixtures.customerWithSubscription(f);
      String flow = "&flow_data[type]=payment_method_update&flow_data[after_completion][type]=" + ending[0] + ending[1];
      PortalClient portal = browser(f, customer, f.configuration, flow);
      assertEquals("payment_method_update", portal.get("/p/api/home").json().at("/session/flow/type").asText());
      String card = tokenize(portal, PortalBillingFixtures.VISA);
      TestStack.Answer added = portal.post("/p/api/payment_methods", "payment_method=" + card + "&default=true");
      assertEquals(200, added.status(), added.body());
      JsonNode after = added.json().get("after_completion");
      assertEquals(ending[0], after.get("type").asText(), added.body());
      assertEquals(ending[3], after.at(ending[2]).asText(), added.body());
      TestStack.Answer madeDefault = portal.post("/p/api/payment_methods/" + card + "/default", "");
      assertEquals(ending[0], madeDefault.json().at("/after_completion/type").asText(), "setting the default completes the flow too");
    }
  }
}
