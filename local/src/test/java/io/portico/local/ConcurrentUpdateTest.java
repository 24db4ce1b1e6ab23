package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.service.AccountService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Simultaneous updates of one object: every one lands (version checks plus re-read and re-apply). */
class ConcurrentUpdateTest {
  @Test
  void parallelMetadataUpdatesOfOneCustomerAreAllKept() throws Exception {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    String id = TestStack.post("/v1/customers", merchant.testSecretKey(), "name=Shared").json().get("id").asText();
    int n = 12;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<TestStack.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      answers.add(pool.submit(() -> {
        start.await();
        return TestStack.post("/v1/customers/" + id, merchant.testSecretKey(), "metadata[key" + k + "]=v" + k);
      }));
    }
    start.countDown();
    for (Future<TestStack.Answer> f : answers) assertEquals(200, f.get(30, TimeUnit.SECONDS).status());
    pool.shutdown();
    var metadata = TestStack.get("/v1/customers/" + id, merchant.testSecretKey()).json().get("metadata");
    assertEquals(n, metadata.size(), "no update was lost: " + metadata);
    for (int i = 0; i < n; i++) assertEquals("v" + i, metadata.get("key" + i).asText());
  }

  @Test
  void parallelSessionsWithoutAConfigurationShareOneDefault() throws Exception {
    AccountService.CreatedAccount merchant = TestStack.newMerchant();
    String customer = TestStack.post("/v1/customers", merchant.testSecretKey(), "name=Racer").json().get("id").asText();
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<TestStack.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return TestStack.post("/v1/billing_portal/sessions", merchant.testSecretKey(), "customer=" + customer);
      }));
    }
    start.countDown();
    java.util.Set<String> configurations = new java.util.HashSet<>();
    for (Future<TestStack.Answer> f : answers) {
      TestStack.Answer a = f.get(30, TimeUnit.SECONDS);
      assertEquals(200, a.status(), a.body());
      configurations.add(a.json().get("configuration").asText());
    }
    pool.shutdown();
    assertEquals(1, configurations.size(), "one default configuration per account, even when created by racing sessions");
    assertEquals(1, TestStack.get("/v1/billing_portal/configurations?is_default=true", merchant.testSecretKey()).json().get("data").size());
  }
}
