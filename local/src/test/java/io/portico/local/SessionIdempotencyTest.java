package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Session creation records its Idempotency-Key in the session's own transaction (no claim before
 * the work, no write after it). Stripe's promises still hold: one session per key however many
 * duplicates race, the first answer replayed, other parameters refused, a refused request leaving
 * the key free.
 */
class SessionIdempotencyTest {
  private static final String PATH = "/v1/billing_portal/sessions";

  private static TestStack.Answer session(String key, String body, String idempotencyKey) {
    return TestStack.send("POST", PATH, key, body, Map.of("Idempotency-Key", idempotencyKey));
  }

  @Test
  void racingDuplicatesMakeOneSessionAndAllGetItsLink() {
    var merchant = TestStack.newMerchant();
    String key = merchant.testSecretKey();
    String customer = TestStack.post("/v1/customers", key, "email=race%40example.com").json().get("id").asText();
    TestStack.post(PATH, key, "customer=" + customer); // the default configuration exists before the race

    List<TestStack.Answer> answers = TestStack.concurrently(8, i -> session(key, "customer=" + customer, "race-1"));
    Set<String> urls = answers.stream().filter(a -> a.status() == 200).map(a -> a.json().get("url").asText()).collect(Collectors.toSet());
    assertEquals(1, urls.size(), "every success carries the one session's link: " + urls);
    assertTrue(answers.stream().allMatch(a -> a.status() == 200 || a.status() == 409), answers.toString());
    assertEquals(2, TestStack.eventTypes(merchant.account().id()).stream().filter("billing_portal.session.created"::equals).count(),
        "the session before the race and exactly one from it");
    long replayed = answers.stream().filter(a -> "true".equals(a.header("Idempotent-Replayed"))).count();
    assertEquals(answers.stream().filter(a -> a.status() == 200).count() - 1, replayed, "all successes but the first are replays");
  }

  @Test
  void replaysTheFirstAnswerRefusesOtherParametersAndARefusalKeepsTheKeyFree() {
    var merchant = TestStack.newMerchant();
    String key = merchant.testSecretKey();
    String customer = TestStack.post("/v1/customers", key, "email=replay%40example.com").json().get("id").asText();

    TestStack.Answer refused = session(key, "customer=cus_nope", "k-1");
    assertEquals(400, refused.status());
    TestStack.Answer first = session(key, "customer=" + customer, "k-1");
    assertEquals(200, first.status(), "a refused request stored nothing under its key: " + first.body());
    assertNull(first.header("Idempotent-Replayed"));

    TestStack.Answer again = session(key, "return_url=https%3A%2F%2Fx.example&customer=" + customer, "k-1");
    assertEquals(400, again.status());
    assertEquals("idempotency_error", again.json().at("/error/type").asText());

    TestStack.Answer replay = session(key, "customer=" + customer, "k-1");
    assertEquals(200, replay.status());
    assertEquals("true", replay.header("Idempotent-Replayed"));
    assertEquals(first.json(), replay.json());
  }
}
