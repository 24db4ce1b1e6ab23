package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.service.AccountService;

/**
 * A merchant set up for portal tests: products Basic (10.00/month) and Pro (20.00/month, and
 * 200.00/year), all tax-exclusive; a configuration offering them with every feature on; and a
 * customer with a default card and an active Basic subscription. Tests change what they need.
 */
final class PortalFixtures {
  final AccountService.CreatedAccount merchant;
  final String key;
  final String basicProduct;
  final String proProduct;
  final String basicMonthly;
  final String proMonthly;
  final String proYearly;
  final String configuration;
  final String customer;
  final String card;
  final String subscription;

  PortalFixtures() {
    merchant = TestStack.newMerchant();
    key = merchant.testSecretKey();
    basicMonthly = price("Basic", 1000, "month");
    basicProduct = TestStack.get("/v1/prices/" + basicMonthly, key).json().get("product").asText();
    proMonthly = price("Pro", 2000, "month");
    proProduct = TestStack.get("/v1/prices/" + proMonthly, key).json().get("product").asText();
    proYearly = ok(TestStack.post("/v1/prices", key, "currency=usd&unit_amount=20000&recurring[interval]=year&tax_behavior=exclusive&product="
        + proProduct)).get("id").asText();
    configuration = ok(TestStack.post("/v1/billing_portal/configurations", key, configurationForm(""))).get("id").asText();
    customer = ok(TestStack.post("/v1/customers", key, "name=Portal%20Customer&email=portal%40example.com")).get("id").asText();
    card = attachCard(customer, "pm_card_visa");
    TestStack.post("/v1/customers/" + customer, key, "invoice_settings[default_payment_method]=" + card);
    subscription = subscribe(customer, basicMonthly, 1);
  }

  /** Every feature on, offering Basic monthly and Pro monthly/yearly; {@code extra} adds or overrides fields. */
  String configurationForm(String extra) {
    return configurationForm(basicProduct, basicMonthly, proProduct, proMonthly, proYearly, extra);
  }

  /** {@link #configurationForm(String)} for another merchant's Basic and Pro (another currency, say). */
  static String configurationForm(String basicProduct, String basicMonthly, String proProduct, String proMonthly, String proYearly,
      String extra) {
    return "features[customer_update][enabled]=true&features[customer_update][allowed_updates][0]=email"
        + "&features[customer_update][allowed_updates][1]=address&features[customer_update][allowed_updates][2]=tax_id"
        + "&features[customer_update][allowed_updates][3]=name&features[customer_update][allowed_updates][4]=phone"
        + "&features[customer_update][allowed_updates][5]=shipping"
        + "&features[invoice_history][enabled]=true&features[payment_method_update][enabled]=true"
        + "&features[subscription_cancel][enabled]=true&features[subscription_cancel][mode]=at_period_end"
        + "&features[subscription_cancel][cancellation_reason][enabled]=true"
        + "&features[subscription_cancel][cancellation_reason][options][0]=too_expensive"
        + "&features[subscription_cancel][cancellation_reason][options][1]=missing_features"
        + "&features[subscription_cancel][cancellation_reason][options][2]=other"
        + "&features[subscription_update][enabled]=true&features[subscription_update][default_allowed_updates][0]=price"
        + "&features[subscription_update][default_allowed_updates][1]=quantity"
        + "&features[subscription_update][default_allowed_updates][2]=promotion_code"
        + "&features[subscription_update][proration_behavior]=create_prorations"
        + "&features[subscription_update][products][0][product]=" + basicProduct
        + "&features[subscription_update][products][0][prices][0]=" + basicMonthly
        + "&features[subscription_update][products][1][product]=" + proProduct
        + "&features[subscription_update][products][1][prices][0]=" + proMonthly
        + "&features[subscription_update][products][1][prices][1]=" + proYearly
        + extra;
  }

  /** A new session URL for {@link #customer} with {@link #configuration}; {@code extra} adds form fields (flow_data, return_url...). */
  String sessionUrl(String extra) {
    return sessionUrl(customer, configuration, extra);
  }

  String sessionUrl(String forCustomer, String withConfiguration, String extra) {
    return ok(TestStack.post("/v1/billing_portal/sessions", key, "customer=" + forCustomer + "&configuration=" + withConfiguration
        + "&return_url=https%3A%2F%2Fshop.example%2Faccount" + extra)).get("url").asText();
  }

  /** The portal as the hosted page's browser sees it, for {@link #customer}. */
  PortalClient browser() {
    return PortalClient.browser(sessionUrl(""));
  }

  String price(String product, long amount, String interval) {
    return ok(TestStack.post("/v1/prices", key, "currency=usd&unit_amount=" + amount + "&recurring[interval]=" + interval
        + "&tax_behavior=exclusive&product_data[name]=" + product)).get("id").asText();
  }

  String attachCard(String toCustomer, String testCard) {
    return ok(TestStack.post("/v1/payment_methods/" + testCard + "/attach", key, "customer=" + toCustomer)).get("id").asText();
  }

  String subscribe(String forCustomer, String price, long quantity) {
    JsonNode s = ok(TestStack.post("/v1/subscriptions", key, "customer=" + forCustomer + "&items[0][price]=" + price + "&items[0][quantity]=" + quantity));
    assertEquals("active", s.get("status").asText(), s.toString());
    return s.get("id").asText();
  }

  /** Another customer of the same merchant, with a card and a Basic subscription: what a session must never reach. */
  String otherCustomer() {
    String other = ok(TestStack.post("/v1/customers", key, "name=Someone%20Else")).get("id").asText();
    String otherCard = attachCard(other, "pm_card_visa");
    TestStack.post("/v1/customers/" + other, key, "invoice_settings[default_payment_method]=" + otherCard);
    subscribe(other, basicMonthly, 1);
    return other;
  }

  static JsonNode ok(TestStack.Answer a) {
    assertEquals(200, a.status(), a.body());
    return a.json();
  }
}
