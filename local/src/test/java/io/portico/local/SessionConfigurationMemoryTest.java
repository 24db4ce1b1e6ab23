package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Session creation remembers the configuration it used (a warm function reads nothing), and the
 * session's transaction checks the memory is still right: a change made meanwhile, by this
 * function or any other, is used at once.
 */
class SessionConfigurationMemoryTest {
  @Test
  void aConfigurationChangedAfterASessionIsUsedByTheNextOne() {
    var merchant = TestStack.newMerchant();
    String key = merchant.testSecretKey();
    String customer = TestStack.post("/v1/customers", key, "email=memory%40example.com").json().get("id").asText();

    JsonNode first = TestStack.post("/v1/billing_portal/sessions", key, "customer=" + customer).json();
    String configuration = first.get("configuration").asText();
    assertTrue(first.get("return_url").isNull(), first.toString());

    assertEquals(200, TestStack.post("/v1/billing_portal/configurations/" + configuration, key,
        "default_return_url=https%3A%2F%2Fmemory.example%2Fback").status());
    JsonNode second = TestStack.post("/v1/billing_portal/sessions", key, "customer=" + customer + "&expand[]=configuration").json();
    assertEquals("https://memory.example/back", second.get("return_url").asText());
    assertEquals("https://memory.example/back", second.at("/configuration/default_return_url").asText());

    // A named configuration, remembered, then deactivated: refused at once.
    String named = TestStack.post("/v1/billing_portal/configurations", key, "features[invoice_history][enabled]=true").json().get("id").asText();
    assertEquals(200, TestStack.post("/v1/billing_portal/sessions", key, "customer=" + customer + "&configuration=" + named).status());
    assertEquals(200, TestStack.post("/v1/billing_portal/configurations/" + named, key, "active=false").status());
    TestStack.Answer refused = TestStack.post("/v1/billing_portal/sessions", key, "customer=" + customer + "&configuration=" + named);
    assertEquals(400, refused.status(), refused.body());
  }
}
