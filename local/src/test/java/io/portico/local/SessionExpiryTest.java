package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.service.AccountService;
import io.portico.service.SecretKeys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A session link works 5 minutes if never opened; once opened, until 1 hour after the last
 * activity. Expiry is decided on every read: these sessions are refused while their items are
 * still in the table (the clock is moved, DynamoDB's TTL sweeper never ran).
 */
class SessionExpiryTest {
  private AccountService.CreatedAccount merchant;
  private String customer;

  @BeforeEach
  void merchantWithCustomer() {
    merchant = TestStack.newMerchant();
    customer = TestStack.post("/v1/customers", merchant.testSecretKey(), "name=Expiry%20Tester").json().get("id").asText();
  }

  private String newSessionUrl() {
    TestStack.Answer a = TestStack.post("/v1/billing_portal/sessions", merchant.testSecretKey(),
        "customer=" + customer + "&return_url=https%3A%2F%2Fshop.example%2Faccount");
    assertEquals(200, a.status(), a.body());
    return a.json().get("url").asText();
  }

  private static int open(String url) {
    return TestStack.get(url.substring(TestStack.get().baseUrl().length()), null).status();
  }

  private static String token(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static boolean itemExists(String url) {
    return !TestStack.get().dynamo().getItem(r -> r.tableName("SessionsTable").consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("session#" + SecretKeys.sha256(token(url)))))).item().isEmpty();
  }

  @Test
  void anUnopenedLinkWorksForFiveMinutesOnly() {
    String url = newSessionUrl();
    TestStack.CLOCK.advance(Duration.ofMinutes(5));
    assertEquals(401, open(url), "5 minutes after creation an unopened link is dead");
    assertTrue(itemExists(url), "refused although the item is still stored: expiry does not wait for TTL");
  }

  @Test
  void anUnopenedLinkOpensJustBeforeFiveMinutes() {
    String url = newSessionUrl();
    TestStack.CLOCK.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertEquals(200, open(url));
  }

  @Test
  void anOpenedSessionSlidesWithActivityAndDiesAnHourAfterTheLast() {
    String url = newSessionUrl();
    TestStack.CLOCK.advance(Duration.ofMinutes(4));
    assertEquals(200, open(url), "first open within 5 minutes");
    TestStack.CLOCK.advance(Duration.ofMinutes(59));
    assertEquals(200, open(url), "59 minutes after the last activity: still alive");
    TestStack.CLOCK.advance(Duration.ofMinutes(59));
    assertEquals(200, open(url), "activity slid the expiry again (2 h after creation)");
    TestStack.CLOCK.advance(Duration.ofHours(1));
    assertEquals(401, open(url), "exactly 1 hour idle: expired");
    assertTrue(itemExists(url), "refused while its item still exists");
    TestStack.CLOCK.advance(Duration.ofMinutes(1));
    assertEquals(401, open(url), "an expired session stays expired; refusing it does not revive it");
  }

  @Test
  void anExpiredPageOffersTheWayBackToTheMerchant() {
    String url = newSessionUrl();
    TestStack.CLOCK.advance(Duration.ofMinutes(6));
    TestStack.Answer page = TestStack.get(url.substring(TestStack.get().baseUrl().length()), null);
    assertEquals(401, page.status());
    assertTrue(page.body().contains("https://shop.example/account"), page.body());
    assertEquals("no-referrer", page.header("Referrer-Policy"));
  }

  @Test
  void anUnknownTokenIsRefused() {
    assertEquals(401, TestStack.get("/p/session/" + "A".repeat(43), null).status());
  }

  @Test
  void theLinkTokenHas256BitsAndIsStoredNowhere() {
    TestStack.Answer a = TestStack.send("POST", "/v1/billing_portal/sessions", merchant.testSecretKey(), "customer=" + customer,
        Map.of("Idempotency-Key", "token-storage-check"));
    String url = a.json().get("url").asText();
    String token = token(url);
    assertEquals(43, token.length(), "32 random bytes, base64url without padding");
    assertNotNull(a.json().get("id"));
    for (String table : new String[] {"BillingTable", "SessionsTable"}) {
      for (var page : TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName(table).build())) {
        page.items().forEach(item -> assertFalse(item.toString().contains(token), table + " holds the link token: " + item));
      }
    }
    // The idempotent replay still gives the caller the same link (it is sealed with their key).
    TestStack.Answer replay = TestStack.send("POST", "/v1/billing_portal/sessions", merchant.testSecretKey(), "customer=" + customer,
        Map.of("Idempotency-Key", "token-storage-check"));
    assertEquals("true", replay.header("Idempotent-Replayed"));
    assertEquals(url, replay.json().get("url").asText());
  }
}
