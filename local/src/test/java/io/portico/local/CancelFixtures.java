package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What the portal cancellation tests share, on top of {@link PortalFixtures}: fresh subscribers
 * (each test cancels its own subscription), subscribers on a test clock (to move their time without
 * touching the stack's clock), configurations that differ in the cancellation settings only, and
 * the events a change wrote, whole (with their {@code actor}).
 */
final class CancelFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  final PortalFixtures f;
  final StripeClient stripe;

  CancelFixtures() {
    f = new PortalFixtures();
    stripe = TestStack.stripe(f.key);
  }

  static long at(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  /** A customer of the merchant and their active subscription to Basic. */
  record Subscriber(String customer, String subscription, String clock) {}

  /** A new customer with a default card and an active Basic subscription. */
  Subscriber subscriber() {
    return subscriber(null);
  }

  /** A new customer on a new test clock frozen at {@code iso}, with a default card and a Basic subscription started then. */
  Subscriber clockedSubscriber(String iso) throws StripeException {
    TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder().setFrozenTime(at(iso)).build());
    return subscriber(clock.getId());
  }

  private Subscriber subscriber(String clock) {
    String customer = PortalFixtures.ok(TestStack.post("/v1/customers", f.key, "name=Cancelling%20Customer"
        + (clock == null ? "" : "&test_clock=" + clock))).get("id").asText();
    String card = f.attachCard(customer, "pm_card_visa");
    PortalFixtures.ok(TestStack.post("/v1/customers/" + customer, f.key, "invoice_settings[default_payment_method]=" + card));
    return new Subscriber(customer, f.subscribe(customer, f.basicMonthly, 1), clock);
  }

  void advance(String clock, String iso) throws StripeException {
    TestClock advanced = stripe.v1().testHelpers().testClocks().advance(clock, TestClockAdvanceParams.builder().setFrozenTime(at(iso)).build());
    assertEquals("ready", advanced.getStatus());
  }

  /** A configuration like the fixtures' one (every feature on, cancel at period end with three reasons), {@code extra} overriding. */
  String configuration(String extra) {
    return PortalFixtures.ok(TestStack.post("/v1/billing_portal/configurations", f.key, f.configurationForm(extra))).get("id").asText();
  }

  /** The portal as {@code s}'s browser sees it, with {@code configuration} and {@code extra} session fields (flow_data...). */
  PortalClient portal(Subscriber s, String configuration, String extra) {
    return PortalClient.browser(f.sessionUrl(s.customer(), configuration, extra));
  }

  PortalClient portal(Subscriber s) {
    return portal(s, f.configuration, "");
  }

  /** The subscription as the merchant API shows it. */
  JsonNode subscription(String id) {
    return PortalFixtures.ok(TestStack.get("/v1/subscriptions/" + id, f.key));
  }

  /** A refusal: the status, Stripe's error object with {@code code}, and a sentence. */
  static JsonNode refused(int status, String code, TestStack.Answer a) {
    assertEquals(status, a.status(), a.body());
    JsonNode error = a.json().get("error");
    assertEquals(code, error.get("code").asText(), a.body());
    assertEquals("invalid_request_error", error.get("type").asText());
    assertTrue(error.get("message").asText().length() > 10, a.body());
    return error;
  }

  static JsonNode ok(TestStack.Answer a) {
    return PortalFixtures.ok(a);
  }

  /** The whole events (type, data, actor...) of {@code type} that the account's changes wrote for object {@code objectId}. */
  static List<JsonNode> events(String account, String type, String objectId) {
    List<JsonNode> out = new ArrayList<>();
    var pages = TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName("BillingTable").consistentRead(true)
        .filterExpression("#scope = :scope AND kind = :event")
        .expressionAttributeNames(Map.of("#scope", "scope"))
        .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(account + ":test"), ":event", AttributeValue.fromS("event")))
        .build());
    for (var page : pages) {
      for (Map<String, AttributeValue> item : page.items()) {
        try {
          JsonNode event = JSON.readTree(EnhancedDocument.fromAttributeValueMap(item).getJson("data"));
          if (event.get("type").asText().equals(type) && objectId.equals(event.at("/data/object/id").asText())) out.add(event);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    out.sort((a, b) -> Long.compare(a.get("created").asLong(), b.get("created").asLong()));
    return out;
  }

  String account() {
    return f.merchant.account().id();
  }
}
