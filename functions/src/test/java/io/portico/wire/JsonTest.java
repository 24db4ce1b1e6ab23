package io.portico.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.domain.Address;
import io.portico.domain.Customer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static JsonNode json(String s) {
    return Json.read(s, JsonNode.class);
  }

  private static Customer customer(String name, Address address, Map<String, String> metadata) {
    return new Customer("cus_123", address, 0, 1700000000L, null, null, false, null, null, "j@example.com", "ABCD1234",
        new Customer.InvoiceSettings(null, null, null, null), false, metadata, name, 1, null, List.of(), null, "none", null);
  }

  // ---- previous_attributes ---------------------------------------------------------------------

  @Test
  void changedTopLevelFieldReportsItsOldValue() {
    JsonNode before = json("{\"id\":\"cus_1\",\"name\":\"Old\",\"email\":\"a@b.co\"}");
    JsonNode after = json("{\"id\":\"cus_1\",\"name\":\"New\",\"email\":\"a@b.co\"}");
    assertEquals(json("{\"name\":\"Old\"}"), Json.previousAttributes(before, after));
  }

  @Test
  void nothingChangedReportsNothing() {
    JsonNode same = json("{\"id\":\"cus_1\",\"address\":{\"city\":\"Paris\"}}");
    assertTrue(Json.previousAttributes(same, same.deepCopy()).isEmpty());
  }

  @Test
  void nestedChangeReportsOnlyTheChangedInnerField() {
    JsonNode before = json("{\"metadata\":{\"a\":\"1\",\"b\":\"2\"},\"name\":\"x\"}");
    JsonNode after = json("{\"metadata\":{\"a\":\"1\",\"b\":\"3\"},\"name\":\"x\"}");
    assertEquals(json("{\"metadata\":{\"b\":\"2\"}}"), Json.previousAttributes(before, after));
  }

  @Test
  void deeplyNestedChange() {
    JsonNode before = json("{\"features\":{\"invoice_history\":{\"enabled\":false},\"customer_update\":{\"enabled\":true}}}");
    JsonNode after = json("{\"features\":{\"invoice_history\":{\"enabled\":true},\"customer_update\":{\"enabled\":true}}}");
    assertEquals(json("{\"features\":{\"invoice_history\":{\"enabled\":false}}}"), Json.previousAttributes(before, after));
  }

  @Test
  void addedFieldIsReportedAsNull() {
    // It did not exist before: its previous value is null, at the top level and inside a hash.
    JsonNode before = json("{\"id\":\"cus_1\",\"metadata\":{\"a\":\"1\"}}");
    JsonNode after = json("{\"id\":\"cus_1\",\"phone\":\"+1555\",\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}");
    assertEquals(json("{\"phone\":null,\"metadata\":{\"b\":null}}"), Json.previousAttributes(before, after));
  }

  @Test
  void removedFieldReportsItsOldValue() {
    JsonNode before = json("{\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}");
    JsonNode after = json("{\"metadata\":{\"a\":\"1\"}}");
    assertEquals(json("{\"metadata\":{\"b\":\"2\"}}"), Json.previousAttributes(before, after));
  }

  @Test
  void hashReplacedByNullOrNullByHashReportsTheWholeOldValue() {
    // No field-by-field comparison when one side is not a hash.
    assertEquals(json("{\"address\":{\"city\":\"Paris\"}}"),
        Json.previousAttributes(json("{\"address\":{\"city\":\"Paris\"}}"), json("{\"address\":null}")));
    assertEquals(json("{\"address\":null}"),
        Json.previousAttributes(json("{\"address\":null}"), json("{\"address\":{\"city\":\"Paris\"}}")));
  }

  @Test
  void previousAttributesOfDomainObjects() {
    Customer before = customer("Old", null, Map.of("a", "1"));
    Customer after = customer("New", new Address("Paris", "FR", null, null, null, null), Map.of("a", "1"));
    assertEquals(json("{\"name\":\"Old\",\"address\":null}"), Json.previousAttributes(Json.tree(before), Json.tree(after)));
  }

  // ---- Stripe's field naming -------------------------------------------------------------------

  @Test
  void customerIsWrittenAsStripeWritesIt() {
    Customer c = customer("Jenny Rosen", new Address("Paris", "FR", "1 rue", null, "75001", null), Map.of("order", "42"));
    JsonNode out = json(Json.write(c));
    assertEquals("customer", out.get("object").asText());
    assertEquals("cus_123", out.get("id").asText());
    assertEquals("Jenny Rosen", out.get("name").asText());
    // camelCase record components become snake_case
    assertEquals("ABCD1234", out.get("invoice_prefix").asText());
    assertEquals(1, out.get("next_invoice_sequence").asLong());
    assertEquals("none", out.get("tax_exempt").asText());
    assertEquals("75001", out.get("address").get("postal_code").asText());
    assertEquals("1 rue", out.get("address").get("line1").asText()); // digits do not get an underscore
    assertTrue(out.get("preferred_locales").isArray());
    assertEquals("42", out.get("metadata").get("order").asText());
    // nulls are written out, as Stripe does ("phone": null), also inside nested objects
    for (String field : List.of("phone", "currency", "default_source", "description", "discount", "shipping", "test_clock")) {
      assertTrue(out.has(field), field);
      assertTrue(out.get(field).isNull(), field);
    }
    assertTrue(out.get("address").get("line2").isNull());
    assertTrue(out.get("invoice_settings").has("default_payment_method"));
    assertTrue(out.get("invoice_settings").has("rendering_options"));
    // no Java-style names leak through
    for (String javaName : List.of("invoicePrefix", "nextInvoiceSequence", "taxExempt", "postalCode", "defaultSource", "testClock")) {
      assertFalse(out.toString().contains("\"" + javaName + "\""), javaName);
    }
  }

  @Test
  void readBackIgnoresUnknownFieldsAndKeepsValues() {
    Customer c = customer("Jenny", null, Map.of());
    String stored = Json.write(c).replaceFirst("\\{", "{\"field_from_the_future\":1,");
    assertEquals(c, Json.read(stored, Customer.class));
  }
}
