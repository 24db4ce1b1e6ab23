package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer portal API's envelope: how a session link becomes a credential, what the home call
 * returns, and who may call from where (cookie + CSRF token on the portal's own pages, bearer
 * credentials from the origins a configuration allows, nothing else).
 */
class PortalApiTest {
  private static PortalFixtures f;

  @BeforeAll
  static void setUp() {
    f = new PortalFixtures();
  }

  @Test
  void homeHasWhatTheHomePageShows() {
    PortalClient customer = f.browser();
    TestStack.Answer a = customer.get("/p/api/home");
    assertEquals(200, a.status(), a.body());
    JsonNode home = a.json();
    assertEquals("billing_portal.home", home.get("object").asText());
    String business = f.merchant.account().businessName();
    assertEquals(business, home.at("/business/name").asText());
    assertEquals(business + " partners with Portico for simplified billing.", home.at("/business/headline").asText(), "the seed's default headline");
    assertEquals("https://shop.example/account", home.at("/return_link/url").asText());
    assertEquals(business, home.at("/return_link/business_name").asText());
    assertEquals(f.customer, home.at("/customer/id").asText());
    assertEquals("Portal Customer", home.at("/customer/name").asText());
    assertEquals(f.card, home.at("/customer/default_payment_method").asText());
    assertEquals(1, home.get("subscriptions").size());
    JsonNode sub = home.get("subscriptions").get(0);
    assertEquals(f.subscription, sub.at("/subscription/id").asText());
    assertEquals("update", sub.at("/actions/mode").asText());
    assertTrue(sub.at("/actions/update/allowed").asBoolean());
    assertEquals("[\"price\",\"promotion_code\",\"quantity\"]", sub.at("/actions/update/kinds").toString());
    assertTrue(sub.at("/actions/cancel/allowed").asBoolean());
    assertFalse(sub.at("/actions/renew/allowed").asBoolean());
    assertEquals(1, home.get("payment_methods").size());
    assertEquals("4242", home.at("/payment_methods/0/card/last4").asText());
    assertEquals(1, home.at("/invoices/data").size(), "the first invoice, paid");
    assertEquals("paid", home.at("/invoices/data/0/status").asText());
    assertFalse(home.at("/invoices/has_more").asBoolean());
    assertTrue(home.at("/features/subscription_update/enabled").asBoolean());
    assertFalse(home.at("/session/csrf_token").asText().isEmpty());
    assertTrue(home.at("/session/expires_at").asLong() > BillingFixtures.now());
  }

  @Test
  void aHeadlineAndReturnLinkAppearOnlyAsConfigured() {
    String config = PortalFixtures.ok(TestStack.post("/v1/billing_portal/configurations", f.key,
        f.configurationForm("&business_profile[headline]=Manage%20your%20plan"))).get("id").asText();
    String url = PortalFixtures.ok(TestStack.post("/v1/billing_portal/sessions", f.key, "customer=" + f.customer + "&configuration=" + config))
        .get("url").asText();
    JsonNode home = PortalClient.browser(url).get("/p/api/home").json();
    assertEquals("Manage your plan", home.at("/business/headline").asText());
    assertTrue(home.get("return_link").isNull(), "no return URL: no \"Return to\" link (seed)");
  }

  @Test
  void aSessionOnBehalfOfAConnectedAccountWearsItsBrand() {
    var connected = TestStack.newMerchant().account();
    String url = f.sessionUrl("&on_behalf_of=" + connected.id());
    JsonNode home = PortalClient.browser(url).get("/p/api/home").json();
    assertEquals(connected.businessName(), home.at("/business/name").asText());
    assertEquals(connected.id(), home.at("/business/on_behalf_of").asText());
    assertEquals(connected.businessName(), home.at("/return_link/business_name").asText());
    assertEquals(f.customer, home.at("/customer/id").asText(), "the data is still the merchant's customer");
  }

  @Test
  void endedAndOtherCustomersSubscriptionsAreNotShown() {
    String other = f.otherCustomer();
    PortalFixtures local = f;
    String canceled = local.subscribe(local.customer, local.proMonthly, 1);
    PortalFixtures.ok(TestStack.send("DELETE", "/v1/subscriptions/" + canceled, local.key, null, null));
    JsonNode home = local.browser().get("/p/api/home").json();
    StringBuilder ids = new StringBuilder();
    home.get("subscriptions").forEach(s -> ids.append(s.at("/subscription/id").asText()).append(' '));
    assertFalse(ids.toString().contains(canceled), ids.toString());
    assertFalse(home.toString().contains(other), "nothing of another customer");
  }

  @Test
  void changesWithTheCookieNeedTheCsrfToken() {
    PortalClient customer = f.browser();
    TestStack.Answer forged = customer.withoutCsrf().post("/p/api/session/end", "");
    assertEquals(403, forged.status(), forged.body());
    assertEquals("csrf_token_invalid", forged.json().at("/error/code").asText());
    assertEquals("invalid_request_error", forged.json().at("/error/type").asText());
    assertEquals(200, customer.get("/p/api/home").status(), "the forged call changed nothing");
    Map<String, String> wrong = new HashMap<>(Map.of("X-CSRF-Token", "x".repeat(43)));
    assertEquals(403, customer.withoutCsrf().send("POST", "/p/api/session/end", "", wrong).status());
    assertEquals(200, customer.withoutCsrf().post("/p/api/session/end", "csrf_token=" + customer.csrf).status(), "a form field works too");
  }

  @Test
  void theCookieNeverWorksFromAnotherSite() {
    PortalClient customer = f.browser();
    TestStack.Answer a = customer.send("GET", "/p/api/home", null, Map.of("Origin", "https://evil.example"));
    assertEquals(403, a.status());
    assertEquals("cross_site_request", a.json().at("/error/code").asText());
    assertNull(a.header("Access-Control-Allow-Origin"));
    TestStack.Answer b = customer.send("POST", "/p/api/session/end", "", Map.of("Sec-Fetch-Site", "cross-site"));
    assertEquals(403, b.status());
    // A same-origin POST from a no-referrer page carries Origin: null; that is the portal itself.
    assertEquals(200, customer.send("GET", "/p/api/home", null, Map.of("Origin", "null")).status());
  }

  @Test
  void frontEndsOnAllowedOriginsUseBearerCredentialsWithCors() {
    String config = PortalFixtures.ok(TestStack.post("/v1/billing_portal/configurations", f.key,
        f.configurationForm("&allowed_origins[0]=https%3A%2F%2Fapp.shop.example&allowed_origins[1]=http%3A%2F%2Flocalhost%3A5173")))
        .get("id").asText();
    JsonNode configJson = TestStack.get("/v1/billing_portal/configurations/" + config, f.key).json();
    assertEquals("[\"https://app.shop.example\",\"http://localhost:5173\"]", configJson.get("allowed_origins").toString());

    String url = f.sessionUrl(f.customer, config, "");
    Map<String, String> fromApp = Map.of("Origin", "https://app.shop.example");
    TestStack.Answer refused = TestStack.send("POST", "/p/api/session", null, "link=" + PortalClient.enc(url),
        Map.of("Origin", "https://evil.example"));
    assertEquals(403, refused.status(), refused.body());
    assertEquals("origin_not_allowed", refused.json().at("/error/code").asText());
    TestStack.Answer traded = TestStack.send("POST", "/p/api/session", null, "link=" + PortalClient.enc(url), fromApp);
    assertEquals(200, traded.status(), "the refused caller did not spend the link: " + traded.body());
    assertEquals("https://app.shop.example", traded.header("Access-Control-Allow-Origin"));
    String bearer = traded.json().get("token").asText();
    Map<String, String> auth = new HashMap<>(fromApp);
    auth.put("Authorization", "Bearer " + bearer);
    TestStack.Answer home = TestStack.send("GET", "/p/api/home", null, null, auth);
    assertEquals(200, home.status(), home.body());
    assertEquals("https://app.shop.example", home.header("Access-Control-Allow-Origin"));
    assertEquals("Origin", home.header("Vary"));
    assertTrue(home.json().at("/session/csrf_token").isNull(), "bearer credentials need no CSRF token");
    assertEquals("default-src 'none'; frame-ancestors https://app.shop.example http://localhost:5173", home.header("Content-Security-Policy"));

    auth.put("Origin", "https://evil.example");
    TestStack.Answer stolen = TestStack.send("GET", "/p/api/home", null, null, auth);
    assertEquals(403, stolen.status());
    assertNull(stolen.header("Access-Control-Allow-Origin"));
    auth.remove("Origin");
    assertEquals(200, TestStack.send("POST", "/p/api/session/end", null, "", auth).status(), "a bearer change needs no CSRF token");
  }

  @Test
  void aPreflightAnswersSoTheRealCallCanBeJudged() {
    TestStack.Answer a = TestStack.send("OPTIONS", "/p/api/home", null, null,
        Map.of("Origin", "https://app.shop.example", "Access-Control-Request-Method", "GET"));
    assertEquals(204, a.status(), a.body());
    assertEquals("https://app.shop.example", a.header("Access-Control-Allow-Origin"));
    assertTrue(a.header("Access-Control-Allow-Headers").contains("Authorization"));
  }

  @Test
  void responsesMayNotBeFramedOrCachedAndLeakNoReferrer() {
    TestStack.Answer home = f.browser().get("/p/api/home");
    assertEquals("default-src 'none'; frame-ancestors 'none'", home.header("Content-Security-Policy"));
    assertEquals("no-referrer", home.header("Referrer-Policy"));
    assertEquals("no-store", home.header("Cache-Control"));
    TestStack.Answer opened = PortalClient.openLink(f.sessionUrl(""), null);
    String cookie = opened.header("Set-Cookie");
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure") && cookie.contains("Path=/p"),
        cookie);
    assertTrue(opened.header("Location").endsWith("/p/portal"), opened.header("Location"));
  }

  /**
   * The home call's budget, counted on the calling thread by invoking the function directly: the
   * credential's update (authenticate, slide, read the session) and one query of the customer's objects.
   */
  @Test
  void homeTakesTwoDynamoDbRoundTrips() throws Exception {
    PortalClient customer = PortalClient.frontEnd(f.sessionUrl(""));
    var handler = LocalStack.handler("io.portico.functions.PortalApiHandler", TestStack.get().context());
    var event = new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent().withHttpMethod("GET")
        .withResource("/p/api/home").withPath("/p/api/home")
        .withHeaders(Map.of("Authorization", "Bearer " + customer.bearer, "Host", "localhost"));
    handler.handleRequest(event, new LocalLambdaContext("PortalApiFunction")); // warm
    long before = io.portico.config.RoundTrips.sentByThisThread();
    var answer = handler.handleRequest(event, new LocalLambdaContext("PortalApiFunction"));
    long roundTrips = io.portico.config.RoundTrips.sentByThisThread() - before;
    assertEquals(200, answer.getStatusCode(), answer.getBody());
    assertEquals(2, roundTrips, "home data in two DynamoDB round trips");
  }

  @Test
  void noOrUnknownCredentialIs401() {
    TestStack.Answer none = TestStack.get("/p/api/home", null);
    assertEquals(401, none.status());
    assertEquals("portal_session_missing", none.json().at("/error/code").asText());
    TestStack.Answer unknown = TestStack.send("GET", "/p/api/home", null, null, Map.of("Authorization", "Bearer " + "x".repeat(43)));
    assertEquals(401, unknown.status());
    assertEquals("portal_session_expired", unknown.json().at("/error/code").asText());
    TestStack.Answer merchantKey = TestStack.send("GET", "/p/api/home", null, null, Map.of("Authorization", "Bearer " + f.key));
    assertEquals(401, merchantKey.status(), "a secret key is no portal credential");
  }

  @Test
  void everyPortalRouteIsServed() {
    PortalClient customer = PortalClient.frontEnd(f.sessionUrl(""));
    for (Template.Function fn : TestStack.get().template().functions()) {
      if (!fn.handler().endsWith("PortalApiHandler")) continue;
      for (Template.Route r : fn.routes()) {
        if (r.path().contains("{proxy+}") || r.path().equals("/p/api/session") || r.path().equals("/p/api/session/end")) continue;
        String path = r.path().replaceAll("\\{[^}]+}", "x_unknown");
        TestStack.Answer a = customer.send(r.method().toUpperCase(), path, "POST".equalsIgnoreCase(r.method()) ? "" : null, null);
        assertFalse(a.body().contains("route_unknown"), r.method() + " " + r.path() + " answered " + a.body());
        assertTrue(a.status() < 500, r.method() + " " + r.path() + " answered " + a.status() + " " + a.body());
      }
    }
  }
}
