package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v1/customers}: parameters of the wrong type or size, metadata limits, ids that are not there or not ours. */
class BadInputCustomersTest extends RefusalCase {

  @Test
  void hashWhereAStringIsExpected() {
    refused(400, "parameter_invalid_string", "name", () -> post("/v1/customers", "name[first]=Jenny"));
    refused(400, "parameter_invalid_string", "address[city]", () -> post("/v1/customers", "address[city][district]=1"));
  }

  @Test
  void stringWhereAHashIsExpected() {
    refused(400, "parameter_invalid", "address", () -> post("/v1/customers", "address=1+Main+Street"));
  }

  @Test
  void nameOfThreeHundredCharacters() {
    JsonNode e = refused(400, "string_length_exceeds_maximum", "name", () -> post("/v1/customers", "name=" + "n".repeat(300)));
    assertTrue(e.get("message").asText().contains("256"), e.toString());
  }

  @Test
  void tooLongOnUpdateLeavesTheCustomerAsItWas() {
    String id = newCustomer();
    refused(400, "string_length_exceeds_maximum", "name", () -> post("/v1/customers/" + id, "name=" + "n".repeat(300)));
    assertEquals("Jenny Rosen", get("/v1/customers/" + id).json().get("name").asText());
  }

  @Test
  void otherTypesAndFormats() {
    refused(400, "parameter_invalid_integer", "balance", () -> post("/v1/customers", "balance=12.50"));
    refused(400, "email_invalid", "email", () -> post("/v1/customers", "email=jenny.example.com"));
    refused(400, "parameter_invalid", "tax_exempt", () -> post("/v1/customers", "tax_exempt=sometimes"));
    refused(400, "parameter_invalid", "invoice_prefix", () -> post("/v1/customers", "invoice_prefix=ab"));
    refused(400, "parameter_invalid_empty", "invoice_prefix", () -> post("/v1/customers", "invoice_prefix="));
    refused(400, "parameter_missing", "shipping[name]", () -> post("/v1/customers", "shipping[address][city]=Paris"));
  }

  @Test
  void unknownParameterWithIdempotencyKeyLeavesNoKeyBehind() {
    // The key is claimed before the service runs: a refusal must release it (itemsOwnedBy counts idempotency items).
    refused(400, "parameter_unknown", "nickname",
        () -> TestStack.send("POST", "/v1/customers", key, "nickname=JR", Map.of("Idempotency-Key", "bad-input-1")));
    // and the key is free for a corrected request
    assertEquals(200, TestStack.send("POST", "/v1/customers", key, "name=JR", Map.of("Idempotency-Key", "bad-input-1")).status());
  }

  // ---- metadata --------------------------------------------------------------------------------

  @Test
  void fiftyOneMetadataKeys() {
    StringBuilder body = new StringBuilder("name=x");
    for (int i = 0; i < 51; i++) body.append("&metadata[k").append(i).append("]=v");
    JsonNode e = refused(400, "parameter_invalid", "metadata", () -> post("/v1/customers", body.toString()));
    assertTrue(e.get("message").asText().contains("50"), e.toString());
  }

  @Test
  void fiftyFirstKeyOnUpdate() {
    StringBuilder fifty = new StringBuilder("name=x");
    for (int i = 0; i < 50; i++) fifty.append("&metadata[k").append(i).append("]=v");
    TestStack.Answer created = post("/v1/customers", fifty.toString());
    assertEquals(200, created.status(), created.body());
    String id = created.json().get("id").asText();
    refused(400, "parameter_invalid", "metadata", () -> post("/v1/customers/" + id, "metadata[one_more]=v"));
  }

  @Test
  void metadataKeyOfFortyOneCharacters() {
    String k = "k".repeat(41);
    refused(400, "parameter_invalid", "metadata[" + k + "]", () -> post("/v1/customers", "metadata[" + k + "]=v"));
  }

  @Test
  void metadataValueOfFiveHundredOneCharacters() {
    JsonNode e = refused(400, "parameter_invalid", "metadata[note]", () -> post("/v1/customers", "metadata[note]=" + "v".repeat(501)));
    assertTrue(e.get("message").asText().contains("500"), e.toString());
  }

  @Test
  void nestedMetadataValue() {
    refused(400, "parameter_invalid", "metadata[a]", () -> post("/v1/customers", "metadata[a][b]=1"));
  }

  // ---- ids -------------------------------------------------------------------------------------

  @Test
  void unknownCustomerInTheUrl() {
    JsonNode e = refused(404, "resource_missing", "id", () -> get("/v1/customers/cus_nope"));
    assertEquals("No such customer: 'cus_nope'", e.get("message").asText());
    refused(404, "resource_missing", "id", () -> post("/v1/customers/cus_nope", "name=x"));
    refused(404, "resource_missing", "id", () -> TestStack.send("DELETE", "/v1/customers/cus_nope", key, null, null));
  }

  @Test
  void deletedCustomerCannotBeUpdated() {
    String id = newCustomer();
    assertEquals(200, TestStack.send("DELETE", "/v1/customers/" + id, key, null, null).status());
    refused(404, "resource_missing", "id", () -> post("/v1/customers/" + id, "name=x"));
  }

  @Test
  void anotherMerchantsCustomerDoesNotExistHere() {
    var other = TestStack.newMerchant();
    String theirs = newCustomer(other.testSecretKey());
    List<String> both = List.of(account, other.account().id());
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> get("/v1/customers/" + theirs));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id", () -> post("/v1/customers/" + theirs, "name=Mallory"));
    refused(both, 404, INVALID_REQUEST, "resource_missing", "id",
        () -> TestStack.send("DELETE", "/v1/customers/" + theirs, key, null, null));
    assertEquals("Jenny Rosen", TestStack.get("/v1/customers/" + theirs, other.testSecretKey()).json().get("name").asText());
  }

  @Test
  void liveKeyDoesNotSeeTestCustomers() {
    // Test and live mode never mix, even within one merchant.
    String id = newCustomer();
    refused(404, "resource_missing", "id", () -> TestStack.get("/v1/customers/" + id, merchant.liveSecretKey()));
  }
}
