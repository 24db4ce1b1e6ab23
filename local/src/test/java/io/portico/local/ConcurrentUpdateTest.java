package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.service.AccountService;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Simultaneous updates of one object: every one lands (version checks plus re-read and re-apply). */
class ConcurrentUpdateTest {
  @Test
  void parallelMetadataUpdatesOfOneCustomerAreAllKept() {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    String id = TestStack.post("/v1/customers", merchant.testSecretKey(), "name=Shared").json().get("id").asText();
    int n = 12;
    for (TestStack.Answer a : TestStack.concurrently(n,
        k -> TestStack.post("/v1/customers/" + id, merchant.testSecretKey(), "metadata[key" + k + "]=v" + k))) {
      assertEquals(200, a.status(), a.body());
    }
    var metadata = TestStack.get("/v1/customers/" + id, merchant.testSecretKey()).json().get("metadata");
    assertEquals(n, metadata.size(), "no update was lost: " + metadata);
    for (int i = 0; i < n; i++) assertEquals("v" + i, metadata.get("key" + i).asText());
  }

  @Test
  void parallelSessionsWithoutAConfigurationShareOneDefault() {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    String customer = TestStack.post("/v1/customers", merchant.testSecretKey(), "name=Racer").json().get("id").asText();
    Set<String> configurations = new HashSet<>();
    for (TestStack.Answer a : TestStack.concurrently(8,
        k -> TestStack.post("/v1/billing_portal/sessions", merchant.testSecretKey(), "customer=" + customer))) {
      assertEquals(200, a.status(), a.body());
      configurations.add(a.json().get("configuration").asText());
    }
    assertEquals(1, configurations.size(), "one default configuration per account, even when created by racing sessions");
    assertEquals(1, TestStack.get("/v1/billing_portal/configurations?is_default=true", merchant.testSecretKey()).json().get("data").size());
  }
}
