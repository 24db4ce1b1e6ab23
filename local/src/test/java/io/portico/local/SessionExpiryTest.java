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
 * A session link works 5 minutes if never opened, and once: opening it trades it for the portal
 * credential, which works until 1 hour after the last activity. Expiry is decided on every read: these sessions are refused while their items are
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
    return PortalClient.openLink(url, null).status();
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
    assertEquals(303, open(url), "opened: on to the portal page, with the cookie");
  }

  @Test
  void anOpenedSessionSlidesWithActivityAndDiesAnHourAfterTheLast() {
    String url = newSessionUrl();
    TestStack.CLOCK.advance(Duration.ofMinutes(4));
    PortalClient customer = PortalClient.browser(url); // first open within 5 minutes
    TestStack.CLOCK.advance(Duration.ofMinutes(59));
    assertEquals(200, customer.get("/p/api/home").status(), "59 minutes after the last activity: still alive");
    TestStack.CLOCK.advance(Duration.ofMinutes(59));
    assertEquals(200, customer.get("/p/api/home").status(), "activity slid the expiry again (2 h after creation)");
    TestStack.CLOCK.advance(Duration.ofHours(1));
    TestStack.Answer expired = customer.get("/p/api/home");
    assertEquals(401, expired.status(), "exactly 1 hour idle: expired");
    assertEquals("portal_session_expired", expired.json().at("/error/code").asText());
    assertTrue(credentialItems() > 0, "refused while its item still exists");
    TestStack.CLOCK.advance(Duration.ofMinutes(1));
    assertEquals(401, customer.get("/p/api/home").status(), "an expired session stays expired; refusing it does not revive it");
    assertEquals(401, PortalClient.openLink(url, customer.cookie).status(), "nor does opening the link again");
  }

  @Test
  void aLinkOpensOnceAndOnlyTheBrowserThatOpenedItGetsBackIn() {
    String url = newSessionUrl();
    PortalClient customer = PortalClient.browser(url);
    TestStack.Answer again = PortalClient.openLink(url, customer.cookie);
    assertEquals(303, again.status(), "the same browser reloading its link goes back to the portal");
    assertEquals(null, again.header("Set-Cookie"), "without a new credential");
    TestStack.Answer elsewhere = PortalClient.openLink(url, null);
    assertEquals(401, elsewhere.status(), "a used link opens nothing for anybody else (history, forwarded mail)");
    assertTrue(elsewhere.body().contains("already used"), elsewhere.body());
    TestStack.Answer trade = TestStack.send("POST", "/p/api/session", null, "link=" + PortalClient.enc(url), null);
    assertEquals(401, trade.status(), "nor can it be traded for a bearer credential");
    assertEquals("portal_link_used", trade.json().at("/error/code").asText());
  }

  @Test
  void twoTabsRacingForOneLinkGetOneCredential() {
    String url = newSessionUrl();
    java.util.List<TestStack.Answer> answers = TestStack.concurrently(4, i -> PortalClient.openLink(url, null));
    assertEquals(1, answers.stream().filter(a -> a.status() == 303).count(), answers.toString());
  }

  @Test
  void signingOutEndsTheSessionAtOnce() {
    PortalClient customer = PortalClient.browser(newSessionUrl());
    TestStack.Answer end = customer.post("/p/api/session/end", "");
    assertEquals(200, end.status(), end.body());
    assertEquals("https://shop.example/account", end.json().get("return_url").asText());
    assertEquals(401, customer.get("/p/api/home").status());
  }

  private long credentialItems() {
    long n = 0;
    for (var page : TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName("SessionsTable").build())) {
      n += page.items().stream().filter(i -> i.get("pk").s().startsWith("portal#") && customer.equals(i.get("customer").s())).count();
    }
    return n;
  }

  @Test
  void anExpiredPageOffersTheWayBackToTheMerchant() {
    String url = newSessionUrl();
    TestStack.CLOCK.advance(Duration.ofMinutes(6));
    TestStack.Answer page = PortalClient.openLink(url, null);
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
    // Nor is the credential the link is traded for.
    String credential = PortalClient.browser(url).cookie.substring("portico_portal=".length());
    for (var page : TestStack.get().dynamo().scanPaginator(ScanRequest.builder().tableName("SessionsTable").build())) {
      page.items().forEach(item -> assertFalse(item.toString().contains(credential), "SessionsTable holds the credential: " + item));
    }
    // The idempotent replay still gives the caller the same link (it is sealed with their key).
    TestStack.Answer replay = TestStack.send("POST", "/v1/billing_portal/sessions", merchant.testSecretKey(), "customer=" + customer,
        Map.of("Idempotency-Key", "token-storage-check"));
    assertEquals("true", replay.header("Idempotent-Replayed"));
    assertEquals(url, replay.json().get("url").asText());
  }
}
