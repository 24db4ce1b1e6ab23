package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.domain.Event;
import io.portico.domain.Price;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;
import io.portico.service.RequestContext;
import io.portico.store.Changes;
import io.portico.store.PriceRepository;
import io.portico.store.SubscriptionRepository;
import io.portico.store.Transactions;
import io.portico.store.Versioned;
import io.portico.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** What the portal plan-change tests (PortalUpdate*Test) share: setting up customers, configurations and reading results. */
final class PlanChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanChanges() {}

  /** A configuration like the fixture's (every feature on, Basic and Pro offered), with {@code extra} added or overriding. */
  static String config(PortalFixtures f, String extra) {
    return PortalFixtures.ok(TestStack.post("/v1/billing_portal/configurations", f.key, f.configurationForm(extra))).get("id").asText();
  }

  /** A new customer of {@code f}'s merchant with a default card (on test clock {@code clock} unless null). */
  static String customer(PortalFixtures f, String clock) {
    String customer = PortalFixtures.ok(TestStack.post("/v1/customers", f.key, "name=Plan%20Changer"
        + (clock == null ? "" : "&test_clock=" + clock))).get("id").asText();
    String card = f.attachCard(customer, "pm_card_visa");
    PortalFixtures.ok(TestStack.post("/v1/customers/" + customer, f.key, "invoice_settings[default_payment_method]=" + card));
    return customer;
  }

  /** Subscribes {@code customer} with the merchant API; {@code form} holds the items and anything else. */
  static JsonNode subscribe(PortalFixtures f, String customer, String form) {
    return PortalFixtures.ok(TestStack.post("/v1/subscriptions", f.key, "customer=" + customer + "&" + form));
  }

  /** The portal, as the hosted page's browser, for {@code customer} with {@code configuration}; {@code extra} adds session fields. */
  static PortalClient portal(PortalFixtures f, String customer, String configuration, String extra) {
    return PortalClient.browser(f.sessionUrl(customer, configuration, extra));
  }

  static String clock(PortalFixtures f, long frozenTime) {
    return PortalFixtures.ok(TestStack.post("/v1/test_helpers/test_clocks", f.key, "frozen_time=" + frozenTime)).get("id").asText();
  }

  static void advanceClock(PortalFixtures f, String clock, long to) {
    PortalFixtures.ok(TestStack.post("/v1/test_helpers/test_clocks/" + clock + "/advance", f.key, "frozen_time=" + to));
  }

  static JsonNode merchantGet(PortalFixtures f, String path) {
    return PortalFixtures.ok(TestStack.get(path, f.key));
  }

  static JsonNode ok(TestStack.Answer a) {
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  /** A refusal in Stripe's error shape: the status, {@code invalid_request_error}, the code and the parameter at fault. */
  static JsonNode refused(TestStack.Answer a, int status, String code, String param) {
    assertEquals(status, a.status(), a.body());
    JsonNode error = a.json().get("error");
    assertEquals("invalid_request_error", error.get("type").asText(), a.body());
    assertEquals(code, error.path("code").asText(null), a.body());
    assertEquals(param, error.path("param").isNull() ? null : error.path("param").asText(null), a.body());
    return error;
  }

  static List<Long> lineAmounts(JsonNode invoice) {
    List<Long> out = new ArrayList<>();
    invoice.at("/lines/data").forEach(l -> out.add(l.get("amount").asLong()));
    return out;
  }

  /** An invoice the portal previewed and the one the change (or the clock) issued agree to the minor unit, line by line. */
  static void assertSameBill(JsonNode previewed, JsonNode issued) {
    assertEquals(lineAmounts(issued), lineAmounts(previewed), "line amounts");
    for (String field : List.of("currency", "subtotal", "total", "amount_due", "starting_balance", "ending_balance")) {
      assertEquals(issued.get(field).asText(), previewed.get(field).asText(), field);
    }
    // Discount ids differ (a preview starts none), their amounts may not.
    assertEquals(discountAmounts(issued), discountAmounts(previewed), "discount amounts");
    for (int i = 0; i < issued.at("/lines/data").size(); i++) {
      JsonNode p = previewed.at("/lines/data/" + i);
      JsonNode l = issued.at("/lines/data/" + i);
      assertEquals(l.get("description").asText(), p.get("description").asText());
      assertEquals(l.get("quantity").asLong(), p.get("quantity").asLong());
      assertEquals(l.at("/period/start").asLong(), p.at("/period/start").asLong());
      assertEquals(l.at("/period/end").asLong(), p.at("/period/end").asLong());
      assertEquals(l.at("/pricing/price_details/price").asText(), p.at("/pricing/price_details/price").asText());
    }
  }

  static List<Long> discountAmounts(JsonNode invoice) {
    List<Long> out = new ArrayList<>();
    invoice.get("total_discount_amounts").forEach(d -> out.add(d.get("amount").asLong()));
    return out;
  }

  /** Every event the account's changes wrote (test mode), whole: type, actor and data.object. */
  static List<JsonNode> events(String accountId) {
    List<JsonNode> out = new ArrayList<>();
    var pages = TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName("BillingTable").consistentRead(true)
        .filterExpression("#scope = :scope AND kind = :event")
        .expressionAttributeNames(Map.of("#scope", "scope"))
        .expressionAttributeValues(Map.of(":scope", AttributeValue.fromS(accountId + ":test"), ":event", AttributeValue.fromS("event")))
        .build());
    for (var page : pages) {
      for (Map<String, AttributeValue> item : page.items()) {
        try {
          out.add(JSON.readTree(EnhancedDocument.fromAttributeValueMap(item).getJson("data")));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /** The events of {@code type} about object {@code id}. */
  static List<JsonNode> events(String accountId, String type, String id) {
    return events(accountId).stream().filter(e -> e.get("type").asText().equals(type) && id.equals(e.at("/data/object/id").asText())).toList();
  }

  /**
   * Moves subscription {@code id}'s first item to {@code priceId} directly in the table. Only for a
   * state the merchant API will not create (a metered price: usage reporting is not offered) but a
   * migrated account can hold; the portal must then refuse plan changes.
   */
  static void forceItemPrice(PortalFixtures f, String id, String priceId) {
    var context = TestStack.get().context();
    Scope scope = new Scope(f.merchant.account().id(), false);
    SubscriptionRepository subscriptions = context.getBean(SubscriptionRepository.class);
    Versioned<Subscription> current = subscriptions.find(scope, id);
    Price price = context.getBean(PriceRepository.class).find(scope, priceId).value();
    JsonNode tree = Json.tree(current.value());
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/items/data/0")).set("price", Json.tree(price));
    Subscription moved = Json.read(tree.toString(), Subscription.class);
    RequestContext ctx = new RequestContext(f.merchant.account(), scope, "req_test", null, "2026-07-29.dahlia", TestStack.get().baseUrl(),
        TestStack.CLOCK.instant(), Event.Actor.SECRET_KEY);
    Changes changes = context.getBean(Transactions.class).begin();
    subscriptions.stageReplace(changes, scope, current, moved, ctx.event("customer.subscription.updated", moved, current.value()));
    changes.commit();
  }
}
