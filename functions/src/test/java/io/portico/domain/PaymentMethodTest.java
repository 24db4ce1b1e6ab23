package io.portico.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The payment_method object on Stripe's wire: only its own type's hash, nulls elsewhere written out. */
class PaymentMethodTest {
  private static final PaymentMethod.SepaDebit SEPA = new PaymentMethod.SepaDebit("37040044", "", "DE", "fp", null, "3000");

  @Test
  void onlyTheHashOfItsTypeIsSent() {
    PaymentMethod pm = PaymentMethod.of("pm_1", SEPA, "unspecified", PaymentMethod.BillingDetails.EMPTY, 1, null, false, Map.of());
    JsonNode json = Json.tree(pm);
    assertEquals(new TreeSet<>(Set.of("id", "object", "allow_redisplay", "billing_details", "created", "customer", "livemode", "metadata",
        "sepa_debit", "type")), new TreeSet<>(iterable(json)));
    assertEquals("payment_method", json.get("object").asText());
    assertEquals("sepa_debit", json.get("type").asText());
    assertTrue(json.get("customer").isNull(), "customer is written out as null");
    assertTrue(json.get("billing_details").get("address").has("postal_code"), "the address hash is always there");
    assertFalse(json.get("sepa_debit").has("type"), "the hash does not repeat the type");
  }

  @Test
  void storedAndReadBackUnchanged() {
    PaymentMethod pm = PaymentMethod.of("pm_1", new PaymentMethod.Card("visa", new PaymentMethod.Card.Checks(null, null, "unchecked"), "US",
        "visa", 12, 2030, "fp", "credit", null, "4242", new PaymentMethod.Card.Networks(List.of("visa"), null),
        new PaymentMethod.Card.ThreeDSecureUsage(true), null), "always", PaymentMethod.BillingDetails.EMPTY, 1, "cus_1", false, Map.of("a", "b"));
    PaymentMethod back = Json.read(Json.write(pm), PaymentMethod.class);
    assertEquals(pm, back);
    assertEquals("cus_1", back.customerId());
    assertEquals(pm.card(), back.details());
  }

  @Test
  void changingTheCustomerKeepsTheRest() {
    PaymentMethod pm = PaymentMethod.of("pm_1", SEPA, "unspecified", PaymentMethod.BillingDetails.EMPTY, 1, null, false, Map.of());
    PaymentMethod attached = pm.withCustomer("cus_1");
    assertEquals("cus_1", attached.customerId());
    assertEquals(pm, attached.withCustomer(null));
    assertEquals(attached, attached.with(SEPA, "unspecified", PaymentMethod.BillingDetails.EMPTY, Map.of()));
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
