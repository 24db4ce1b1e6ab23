package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Helpers of the portal billing tests (payment methods, billing details and tax IDs, invoices) on
 * top of {@link PortalFixtures}: fresh customers to change, the test provider's tokenization as
 * the portal page calls it, and the events with who caused them.
 */
final class PortalBillingFixtures {
  static final String VISA = "type=card&card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PortalBillingFixtures() {}

  /** A new customer of {@code f}'s merchant with a default Visa and an active Basic subscription. */
  static String customerWithSubscription(PortalFixtures f) {
    String c = customerWithCard(f, "pm_card_visa");
    f.subscribe(c, f.basicMonthly, 1);
    return c;
  }

  /** A new customer whose default payment method is {@code testCard} (a Stripe test id), without subscriptions. */
  static String customerWithCard(PortalFixtures f, String testCard) {
    String c = PortalFixtures.ok(TestStack.post("/v1/customers", f.key, "name=Billing%20Customer&email=billing%40example.com")).get("id").asText();
    String card = f.attachCard(c, testCard);
    PortalFixtures.ok(TestStack.post("/v1/customers/" + c, f.key, "invoice_settings[default_payment_method]=" + card));
    return c;
  }

  /**
   * A customer whose card attaches but declines every charge: their new Basic subscription waits,
   * incomplete, on an open invoice. Returns the customer, subscription and invoice ids.
   */
  static String[] customerWithOpenInvoice(PortalFixtures f) {
    String customer = customerWithCard(f, "pm_card_chargeCustomerFail");
    JsonNode sub = PortalFixtures.ok(TestStack.post("/v1/subscriptions", f.key, "customer=" + customer + "&items[0][price]=" + f.basicMonthly));
    assertEquals("incomplete", sub.get("status").asText(), sub.toString());
    String invoice = sub.get("latest_invoice").asText();
    assertEquals("open", PortalFixtures.ok(TestStack.get("/v1/invoices/" + invoice, f.key)).get("status").asText());
    return new String[] {customer, sub.get("id").asText(), invoice};
  }

  /** The portal, as the hosted page's browser sees it, for {@code customer} with {@code configuration}. */
  static PortalClient browser(PortalFixtures f, String customer, String configuration, String extra) {
    return PortalClient.browser(f.sessionUrl(customer, configuration, extra));
  }

  /** The portal page handing card details to the test provider's tokenization; returns the new, unattached pm_. */
  static String tokenize(PortalClient portal, String form) {
    TestStack.Answer a = portal.post("/p/provider/test/payment_methods", form);
    assertEquals(200, a.status(), a.body());
    JsonNode pm = a.json();
    assertEquals("payment_method", pm.get("object").asText());
    assertEquals(true, pm.get("customer").isNull(), "tokenizing attaches nothing");
    assertFalse(a.body().contains("4242424242424242"), "no card number comes back");
    return pm.get("id").asText();
  }

  /** A configuration like the fixture's, changed by {@code extra} (switches off a feature, narrows allowed_updates…). */
  static String configuration(PortalFixtures f, String extra) {
    return PortalFixtures.ok(TestStack.post("/v1/billing_portal/configurations", f.key, f.configurationForm(extra))).get("id").asText();
  }

  /** Moves the shared clock on a millisecond, so objects created next sort after the last ones ("newest first" has one answer). */
  static void tick() {
    TestStack.CLOCK.advance(Duration.ofMillis(1));
  }

  /** A stored event with the actor that caused it (Portico's extension). */
  record ActedEvent(String type, JsonNode object, String actorType, String portalSession) {}

  /** The events of {@code type} written for object {@code objectId} in the account's test mode. */
  static List<ActedEvent> events(String accountId, String type, String objectId) {
    List<ActedEvent> out = new ArrayList<>();
    var pages = TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName("BillingTable").consistentRead(true)
        .filterExpression("#scope = :scope AND kind = :event AND event_type = :type")
        .expressionAttributeNames(Map.of("#scope", "scope"))
        .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(accountId + ":test"), ":event", AttributeValue.fromS("event"),
            ":type", AttributeValue.fromS(type)))
        .build());
    for (var page : pages) {
      for (Map<String, AttributeValue> item : page.items()) {
        try {
          JsonNode e = JSON.readTree(EnhancedDocument.fromAttributeValueMap(item).getJson("data"));
          JsonNode object = e.at("/data/object");
          if (!objectId.equals(object.path("id").asText())) continue;
          out.add(new ActedEvent(type, object, e.at("/actor/type").asText(null), e.at("/actor/portal_session").asText(null)));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
    }
    return out;
  }

  /** Exactly one {@code type} event for {@code objectId} caused in the portal, by the customer in portal session {@code session}. */
  static ActedEvent assertPortalEvent(String accountId, String type, String objectId, String session) {
    List<ActedEvent> found = events(accountId, type, objectId).stream().filter(e -> "customer_portal".equals(e.actorType())).toList();
    assertEquals(1, found.size(), type + " events by the customer for " + objectId + " (of " + events(accountId, type, objectId) + ")");
    assertEquals(session, found.get(0).portalSession());
    return found.get(0);
  }

  /** The portal session id a client is in. */
  static String sessionOf(PortalClient portal) {
    return portal.get("/p/api/home").json().at("/session/id").asText();
  }
}
