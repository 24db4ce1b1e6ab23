package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.service.AccountService;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's Idempotency-Key semantics on every POST. */
class IdempotencyTest {
  private AccountService.CreatedAccount merchant;

  @BeforeEach
  void merchant() {
    merchant = TestStack.newMerchant();
  }

  private TestStack.Answer create(String key, String body) {
    return TestStack.send("POST", "/v1/customers", merchant.testSecretKey(), body, Map.of("Idempotency-Key", key));
  }

  private int customerCount() {
    return TestStack.get("/v1/customers?limit=100", merchant.testSecretKey()).json().get("data").size();
  }

  @Test
  void theSameKeyAndParametersReplayTheFirstResponse() {
    TestStack.Answer first = create("k-replay", "name=Ann&email=ann%40example.com");
    TestStack.Answer again = create("k-replay", "email=ann%40example.com&name=Ann"); // same parameters, other order
    assertEquals(200, again.status());
    assertEquals(first.body(), again.body());
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertNull(first.header("Idempotent-Replayed"));
    assertEquals(1, customerCount(), "the second request did not run");
  }

  @Test
  void theSameKeyWithOtherParametersIsAnIdempotencyError() {
    create("k-mismatch", "name=Ann");
    TestStack.Answer other = create("k-mismatch", "name=Bob");
    assertEquals(400, other.status());
    assertEquals("idempotency_error", other.json().at("/error/type").asText());
    assertTrue(other.json().at("/error/message").asText().contains("k-mismatch"));
    assertEquals(1, customerCount());
  }

  @Test
  void aRefusedRequestDoesNotUseUpItsKey() {
    TestStack.Answer bad = create("k-bad-first", "name=Ann&colour=blue");
    assertEquals(400, bad.status());
    TestStack.Answer good = create("k-bad-first", "name=Ann");
    assertEquals(200, good.status(), "validation failures are not saved, as in Stripe");
    assertNull(good.header("Idempotent-Replayed"));
  }

  @Test
  void keysExpireAfter24Hours() {
    create("k-expiring", "name=Ann");
    TestStack.CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
    TestStack.Answer later = create("k-expiring", "name=Bob");
    assertEquals(200, later.status(), later.body());
    assertEquals("Bob", later.json().get("name").asText());
    assertEquals(2, customerCount());
  }

  @Test
  void keysAreScopedToTheAccount() {
    create("k-shared", "name=Ann");
    AccountService.CreatedAccount other = TestStack.newMerchant();
    TestStack.Answer theirs = TestStack.send("POST", "/v1/customers", other.testSecretKey(), "name=Zed", Map.of("Idempotency-Key", "k-shared"));
    assertEquals(200, theirs.status());
    assertEquals("Zed", theirs.json().get("name").asText());
  }

  @Test
  void concurrentDuplicatesExecuteOnce() {
    Set<String> ids = new HashSet<>();
    for (TestStack.Answer a : TestStack.concurrently(8, k -> create("k-concurrent", "name=Racer"))) {
      // Either the one execution's answer (first or replayed), or "in progress, retry".
      if (a.status() == 200) ids.add(a.json().get("id").asText());
      else assertEquals(409, a.status(), a.body());
    }
    assertEquals(1, ids.size(), "every successful answer names the same customer");
    assertEquals(1, customerCount(), "the request ran exactly once");
  }
}
