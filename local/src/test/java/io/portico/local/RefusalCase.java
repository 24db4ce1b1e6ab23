package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.service.AccountService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the bad-input tests share: a fresh merchant per test, and the one assertion they all make:
 * the request was refused with exactly Stripe's status, type, code and param, a message a person
 * can read, and nothing written for any account involved.
 */
abstract class RefusalCase {
  static final String INVALID_REQUEST = "invalid_request_error";

  protected AccountService.CreatedAccount merchant;
  protected String key;
  protected String account;

  @BeforeEach
  void freshMerchant() {
    merchant = TestStack.newMerchant();
    key = merchant.testSecretKey();
    account = merchant.account().id();
  }

  protected TestStack.Answer post(String path, String body) {
    return TestStack.post(path, key, body);
  }

  protected TestStack.Answer get(String path) {
    return TestStack.get(path, key);
  }

  /** A customer of this test's merchant (written before any counting starts). */
  protected String newCustomer() {
    return newCustomer(key);
  }

  protected static String newCustomer(String secretKey) {
    TestStack.Answer a = TestStack.post("/v1/customers", secretKey, "name=Jenny+Rosen");
    assertEquals(200, a.status(), a.body());
    return a.json().get("id").asText();
  }

  /** The request is refused as an invalid request and this merchant owns exactly as many items afterwards. */
  protected JsonNode refused(int status, String code, String param, Supplier<TestStack.Answer> request) {
    return refused(List.of(account), status, INVALID_REQUEST, code, param, request);
  }

  /** Same, for every account in {@code accounts} (a request that names another merchant's objects). */
  protected static JsonNode refused(List<String> accounts, int status, String type, String code, String param,
      Supplier<TestStack.Answer> request) {
    List<Integer> before = counts(accounts);
    TestStack.Answer answer = request.get();
    JsonNode error = assertError(answer, status, type, code, param);
    assertEquals(before, counts(accounts), "a refused request wrote something: " + answer.body());
    return error;
  }

  private static List<Integer> counts(List<String> accounts) {
    List<Integer> out = new ArrayList<>();
    for (String a : accounts) out.add(TestStack.itemsOwnedBy(a));
    return out;
  }

  /** Stripe's error object: {@code code} and {@code param} null mean the field must be absent (or null). */
  static JsonNode assertError(TestStack.Answer answer, int status, String type, String code, String param) {
    assertEquals(status, answer.status(), answer.body());
    JsonNode error = answer.json().get("error");
    assertNotNull(error, answer.body());
    assertEquals(type, text(error, "type"), answer.body());
    assertEquals(code, text(error, "code"), answer.body());
    assertEquals(param, text(error, "param"), answer.body());
    assertReadable(text(error, "message"));
    return error;
  }

  /**
   * A sentence for a person: words, not a stack trace, a Java class or an empty string. Three words
   * at least: Stripe's own "Invalid integer: abc" is the shortest message it sends for bad input.
   */
  static void assertReadable(String message) {
    assertNotNull(message, "error.message is missing");
    assertTrue(message.trim().split("\\s+").length >= 3, "too short to explain anything: " + message);
    assertTrue(Character.isLetter(message.charAt(0)), "does not start like a sentence: " + message);
    for (String leak : List.of("Exception", "java.", "\tat ", "URLDecoder", "NullPointer", "null:")) {
      assertFalse(message.contains(leak), "leaks implementation details (" + leak + "): " + message);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
