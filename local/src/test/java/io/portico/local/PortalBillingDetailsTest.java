package io.portico.local;

import static io.portico.local.PortalBillingFixtures.assertPortalEvent;
import static io.portico.local.PortalBillingFixtures.browser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing details in the portal: only the fields the configuration's allowed_updates lists change,
 * nothing of the merchant's can be touched, and tax IDs are added (with their format checked) and
 * removed as through the merchant API, events and all.
 */
class PortalBillingDetailsTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  private static JsonNode merchantView(String customer) {
    return PortalFixtures.ok(TestStack.get("/v1/customers/" + customer, f.key));
  }

  @Test
  void theAllowedFieldsChangeAndTheMerchantSeesIt() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    PortalClient portal = browser(f, customer, f.configuration, "");
    String session = PortalBillingFixtures.sessionOf(portal);
    TestStack.Answer a = portal.post("/p/api/customer", "name=Jenny%20Rosen&email=jenny%40example.com&phone=%2B4930123456"
        + "&address[line1]=Unter%20den%20Linden%201&address[city]=Berlin&address[postal_code]=10117&address[country]=DE"
        + "&shipping[name]=Jenny%20Rosen&shipping[address][line1]=Hauptstr.%202&shipping[address][city]=Potsdam&shipping[address][country]=DE");
    assertEquals(200, a.status(), a.body());
    JsonNode details = a.json();
    assertEquals("billing_portal.customer_details", details.get("object").asText());
    assertEquals("Jenny Rosen", details.get("name").asText());
    assertFalse(details.has("metadata") || details.has("balance"), "nothing of the merchant's: " + a.body());

    JsonNode c = merchantView(customer);
    assertEquals("Jenny Rosen", c.get("name").asText());
    assertEquals("jenny@example.com", c.get("email").asText());
    assertEquals("+4930123456", c.get("phone").asText());
    assertEquals("Berlin", c.at("/address/city").asText());
    assertEquals("DE", c.at("/address/country").asText());
    assertEquals("Potsdam", c.at("/shipping/address/city").asText());
    assertEquals("Jenny Rosen", c.at("/shipping/name").asText());
    assertPortalEvent(f.merchant.account().id(), "customer.updated", customer, session);

    // Stripe's way to clear a field: the empty string.
    assertEquals(200, portal.post("/p/api/customer", "phone=&shipping=").status());
    c = merchantView(customer);
    assertTrue(c.get("phone").isNull());
    assertTrue(c.get("shipping").isNull());
    assertEquals("Berlin", c.at("/address/city").asText(), "the rest stays");

    TestStack.Answer bad = portal.post("/p/api/customer", "email=not-an-email");
    assertEquals(400, bad.status(), bad.body());
    assertEquals("email", bad.json().at("/error/param").asText());
    assertEquals("jenny@example.com", merchantView(customer).get("email").asText());
  }

  @Test
  void aFieldTheConfigurationDoesNotAllowIsRefusedNamingIt() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    String emailOnly = PortalFixtures.ok(TestStack.post("/v1/billing_portal/configurations", f.key,
        "features[customer_update][enabled]=true&features[customer_update][allowed_updates][0]=email")).get("id").asText();
    JsonNode config = PortalFixtures.ok(TestStack.get("/v1/billing_portal/configurations/" + emailOnly, f.key));
    assertEquals("[\"email\"]", config.at("/features/customer_update/allowed_updates").toString());
    PortalClient portal = browser(f, customer, emailOnly, "");
    for (String field : List.of("name", "phone", "address", "shipping")) {
      String form = switch (field) {
        case "address" -> "address[city]=Paris";
        case "shipping" -> "shipping[name]=X&shipping[address][city]=Paris";
        default -> field + "=x";
      };
      TestStack.Answer a = portal.post("/p/api/customer", "email=new%40example.com&" + form);
      assertEquals(403, a.status(), a.body());
      assertEquals("customer_update_field_not_allowed", a.json().at("/error/code").asText());
      assertEquals(field, a.json().at("/error/param").asText());
    }
    assertEquals("billing@example.com", merchantView(customer).get("email").asText(), "a refused request changes nothing, not even the allowed field");
    assertEquals(200, portal.post("/p/api/customer", "email=new%40example.com").status());
    assertEquals("new@example.com", merchantView(customer).get("email").asText());

    TestStack.Answer tax = portal.post("/p/api/tax_ids", "type=eu_vat&value=DE123456789");
    assertEquals(403, tax.status(), tax.body());
    assertEquals("tax_id", tax.json().at("/error/param").asText());
    assertEquals("customer_update_field_not_allowed", tax.json().at("/error/code").asText());
    String existing = PortalFixtures.ok(TestStack.post("/v1/customers/" + customer + "/tax_ids", f.key, "type=eu_vat&value=DE123456789")).get("id").asText();
    assertEquals(403, portal.delete("/p/api/tax_ids/" + existing).status());
    assertEquals(200, TestStack.get("/v1/customers/" + customer + "/tax_ids/" + existing, f.key).status(), "still there");
  }

  @Test
  void nothingOfTheMerchantsCanBeChanged() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    PortalClient portal = browser(f, customer, f.configuration, "");
    int before = TestStack.itemsOwnedBy(f.merchant.account().id());
    for (String form : List.of("metadata[vip]=true", "balance=-10000", "invoice_settings[default_payment_method]=", "tax_exempt=exempt",
        "description=x", "address[line1]=x&address[foo]=y", "email=a%40b.example&preferred_locales[0]=de")) {
      TestStack.Answer a = portal.post("/p/api/customer", form);
      assertEquals(400, a.status(), form + ": " + a.body());
      assertEquals("parameter_unknown", a.json().at("/error/code").asText(), a.body());
    }
    assertEquals(before, TestStack.itemsOwnedBy(f.merchant.account().id()), "nothing written");
    JsonNode c = merchantView(customer);
    assertEquals(0, c.get("balance").asLong());
    assertEquals("{}", c.get("metadata").toString());
  }

  @Test
  void taxIdsAreAddedCheckedShownAndRemoved() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    PortalClient portal = PortalClient.frontEnd(f.sessionUrl(customer, f.configuration, ""));
    String session = portal.get("/p/api/home").json().at("/session/id").asText();

    TestStack.Answer invalid = portal.post("/p/api/tax_ids", "type=eu_vat&value=DE12345");
    assertEquals(400, invalid.status(), invalid.body());
    assertEquals("tax_id_invalid", invalid.json().at("/error/code").asText());
    assertEquals("value", invalid.json().at("/error/param").asText());
    assertEquals("Invalid value for eu_vat: DE VAT numbers look like DE123456789.", invalid.json().at("/error/message").asText());
    TestStack.Answer unknownType = portal.post("/p/api/tax_ids", "type=xx_vat&value=123");
    assertEquals(400, unknownType.status());
    assertEquals("type", unknownType.json().at("/error/param").asText());

    TestStack.Answer added = portal.post("/p/api/tax_ids", "type=eu_vat&value=FRAB123456789");
    assertEquals(200, added.status(), added.body());
    String vat = added.json().get("id").asText();
    assertEquals("tax_id", added.json().get("object").asText());
    assertEquals("FR", added.json().get("country").asText());
    PortalBillingFixtures.tick();
    String abn = portal.post("/p/api/tax_ids", "type=au_abn&value=12345678912").json().get("id").asText();
    assertPortalEvent(f.merchant.account().id(), "customer.tax_id.created", vat, session);

    JsonNode shown = portal.get("/p/api/home").json().at("/customer/tax_ids");
    assertEquals(2, shown.size(), shown.toString());
    assertEquals(abn, shown.get(0).get("id").asText(), "newest first");
    assertEquals("FRAB123456789", shown.get(1).get("value").asText());
    assertEquals(2, PortalFixtures.ok(TestStack.get("/v1/customers/" + customer + "/tax_ids", f.key)).get("data").size(), "the merchant sees them");

    TestStack.Answer removed = portal.delete("/p/api/tax_ids/" + vat);
    assertEquals(200, removed.status(), removed.body());
    assertTrue(removed.json().get("deleted").asBoolean());
    assertPortalEvent(f.merchant.account().id(), "customer.tax_id.deleted", vat, session);
    assertEquals(404, TestStack.get("/v1/customers/" + customer + "/tax_ids/" + vat, f.key).status());
    JsonNode after = portal.get("/p/api/home").json().at("/customer/tax_ids");
    assertEquals(1, after.size());
    assertEquals(abn, after.get(0).get("id").asText());
    assertEquals(404, portal.delete("/p/api/tax_ids/" + vat).status(), "gone");
  }

  @Test
  void everyActionNeedsTheFeature() {
    String customer = PortalBillingFixtures.customerWithCard(f, "pm_card_visa");
    String taxId = PortalFixtures.ok(TestStack.post("/v1/customers/" + customer + "/tax_ids", f.key, "type=gb_vat&value=GB123456789")).get("id").asText();
    String off = PortalBillingFixtures.configuration(f, "&features[customer_update][enabled]=false");
    PortalClient portal = browser(f, customer, off, "");
    for (TestStack.Answer a : List.of(
        portal.post("/p/api/customer", "name=Changed"),
        portal.post("/p/api/tax_ids", "type=eu_vat&value=DE123456789"),
        portal.delete("/p/api/tax_ids/" + taxId))) {
      assertEquals(403, a.status(), a.body());
      assertEquals("feature_disabled", a.json().at("/error/code").asText());
      assertTrue(a.json().at("/error/message").asText().contains("customer_update"), a.body());
    }
    assertEquals("Billing Customer", merchantView(customer).get("name").asText());
    assertEquals(1, PortalFixtures.ok(TestStack.get("/v1/customers/" + customer + "/tax_ids", f.key)).get("data").size());
  }
}
