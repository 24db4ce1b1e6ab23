package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Plan switching may only offer products and prices that exist: recurring prices of the listed
 * product, at most one per (interval, currency) — the seed's rule.
 */
class CatalogConfigurationRulesTest extends RefusalCase {
  private static final String P0 = "&features[subscription_update][products][0]";
  private static final String SWITCHING = "features[subscription_update][enabled]=true&features[subscription_update][default_allowed_updates][0]=price";

  private String product(String name) {
    return post("/v1/products", "name=" + name).json().get("id").asText();
  }

  private String price(String product, String currency, String recurringInterval) {
    String body = "product=" + product + "&currency=" + currency + "&unit_amount=1000"
        + (recurringInterval == null ? "" : "&recurring[interval]=" + recurringInterval);
    TestStack.Answer a = post("/v1/prices", body);
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  private TestStack.Answer configure(String product, String... prices) {
    StringBuilder body = new StringBuilder(SWITCHING).append(P0).append("[product]=").append(product);
    for (int i = 0; i < prices.length; i++) body.append(P0).append("[prices][").append(i).append("]=").append(prices[i]);
    return post("/v1/billing_portal/configurations", body.toString());
  }

  @Test
  void oneMonthlyAndOneYearlyPricePerCurrencyAreAccepted() {
    String pro = product("Pro");
    TestStack.Answer a = configure(pro, price(pro, "usd", "month"), price(pro, "usd", "year"), price(pro, "eur", "month"));
    assertEquals(200, a.status(), a.body());
  }

  @Test
  void twoMonthlyPricesInOneCurrencyAreRefused() {
    String pro = product("Pro");
    String first = price(pro, "usd", "month");
    String second = price(pro, "usd", "month");
    JsonNode e = refused(400, "parameter_invalid", "features[subscription_update][products][0][prices][1]", () -> configure(pro, first, second));
    assertTrue(e.get("message").asText().contains(second), e.toString());
  }

  @Test
  void unknownProductsAndPricesAreRefused() {
    String pro = product("Pro");
    String monthly = price(pro, "usd", "month");
    refused(400, "resource_missing", "features[subscription_update][products][0][product]", () -> configure("prod_nope", monthly));
    refused(400, "resource_missing", "features[subscription_update][products][0][prices][0]", () -> configure(pro, "price_nope"));
  }

  @Test
  void aPriceOfAnotherProductOrAOneTimePriceIsRefused() {
    String pro = product("Pro");
    String basic = product("Basic");
    String basicMonthly = price(basic, "usd", "month");
    refused(400, "parameter_invalid", "features[subscription_update][products][0][prices][0]", () -> configure(pro, basicMonthly));
    String setupFee = price(pro, "usd", null);
    refused(400, "parameter_invalid", "features[subscription_update][products][0][prices][0]", () -> configure(pro, setupFee));
  }

  @Test
  void anotherMerchantsProductIsUnknown() {
    String theirs = TestStack.post("/v1/products", TestStack.newMerchant().testSecretKey(), "name=Theirs").json().get("id").asText();
    refused(400, "resource_missing", "features[subscription_update][products][0][product]", () -> configure(theirs, "price_x"));
  }
}
