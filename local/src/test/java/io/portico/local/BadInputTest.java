package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that fail before any service looks at them, whatever the route: the body, its encoding
 * and size, the API key, the Stripe-Version header, routes that do not exist, parameters nobody
 * reads, and list pagination parameters.
 */
class BadInputTest extends RefusalCase {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int MAX_BODY = 256 * 1024; // PorticoSettings.maxBodyBytes

  @Test
  void acceptedRequestsAreCounted() {
    // The control for every "nothing written" check in these tests: a customer and its event are seen.
    int before = TestStack.itemsOwnedBy(account);
    assertEquals(200, TestStack.send("POST", "/v1/customers", key, "name=x", Map.of("Idempotency-Key", "counted")).status());
    assertEquals(before + 3, TestStack.itemsOwnedBy(account)); // customer, customer.created, the idempotency record
  }

  // ---- the body --------------------------------------------------------------------------------

  @Test
  void unbalancedBracketInTheBody() {
    JsonNode e = refused(400, "parameter_invalid", "a[b", () -> post("/v1/customers", "a[b=1"));
    assertTrue(e.get("message").asText().contains("a[b"));
  }

  @Test
  void valueAndHashUnderOneName() {
    refused(400, "parameter_invalid", "metadata", () -> post("/v1/customers", "metadata=x&metadata[a]=1"));
  }

  @Test
  void brokenPercentEncoding() {
    refused(400, "body_invalid", null, () -> post("/v1/customers", "name=100%"));
    JsonNode e = refused(400, "body_invalid", null, () -> post("/v1/customers", "name=%zz"));
    assertTrue(e.get("message").asText().contains("%25"), e.toString());
  }

  @Test
  void unbalancedBracketInTheQueryString() {
    refused(400, "parameter_invalid", "a[b", () -> get("/v1/customers?a%5Bb=1"));
  }

  @Test
  void jsonBody() {
    // Stripe's API takes form bodies only; a JSON body must not be half-read as a form.
    refused(400, "content_type_invalid", null,
        () -> raw("POST", "/v1/customers", "Bearer " + key, "{\"name\":\"Jenny\"}", Map.of("Content-Type", "application/json")));
  }

  @Test
  void bodyOverTheSizeLimit() {
    String body = "description=" + "x".repeat(MAX_BODY - "description=".length() + 1); // one byte over
    assertEquals(MAX_BODY + 1, body.length());
    refused(413, "request_too_large", null, () -> post("/v1/customers", body));
  }

  @Test
  void bodyExactlyAtTheSizeLimitIsRead() {
    // Not a 413: the body is read, and its 256 KiB description is what is refused.
    String body = "description=" + "x".repeat(MAX_BODY - "description=".length());
    refused(400, "string_length_exceeds_maximum", "description", () -> post("/v1/customers", body));
  }

  @Test
  void sizeLimitComesBeforeAuthentication() {
    refused(List.of(account), 413, INVALID_REQUEST, "request_too_large", null,
        () -> TestStack.post("/v1/customers", null, "description=" + "x".repeat(MAX_BODY)));
  }

  // ---- API keys --------------------------------------------------------------------------------

  @Test
  void noApiKey() {
    JsonNode e = refused(List.of(account), 401, INVALID_REQUEST, null, null, () -> TestStack.post("/v1/customers", null, "name=x"));
    assertTrue(e.get("message").asText().contains("did not provide an API key"), e.toString());
  }

  @Test
  void unknownSecretKey() {
    JsonNode e = refused(List.of(account), 401, INVALID_REQUEST, null, null,
        () -> TestStack.post("/v1/customers", "sk_test_" + "0".repeat(48), "name=x"));
    // the key is shown redacted, never in full
    assertTrue(e.get("message").asText().startsWith("Invalid API Key provided: sk_test_****"), e.toString());
    assertTrue(!e.toString().contains("0".repeat(48)), e.toString());
  }

  @Test
  void almostTheRightKey() {
    String wrong = key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a");
    refused(List.of(account), 401, INVALID_REQUEST, null, null, () -> TestStack.get("/v1/customers", wrong));
  }

  @Test
  void publishableKey() {
    JsonNode e = refused(List.of(account), 401, INVALID_REQUEST, null, null,
        () -> TestStack.post("/v1/customers", "pk_test_" + key.substring("sk_test_".length()), "name=x"));
    assertTrue(e.get("message").asText().contains("publishable API key"), e.toString());
  }

  @Test
  void malformedAuthorizationHeaders() {
    refused(List.of(account), 401, INVALID_REQUEST, null, null,
        () -> raw("GET", "/v1/customers", "Token " + key, null, Map.of()));
    refused(List.of(account), 401, INVALID_REQUEST, null, null,
        () -> raw("GET", "/v1/customers", "Basic !!!not-base64!!!", null, Map.of()));
  }

  @Test
  void basicAuthWithTheSecretKeyWorks() {
    // The control for the cases above: the same key as a Basic user name is accepted.
    String basic = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    assertEquals(200, raw("GET", "/v1/customers", basic, null, Map.of()).status());
  }

  // ---- Stripe-Version --------------------------------------------------------------------------

  @Test
  void garbageStripeVersion() {
    for (String version : List.of("banana", "2024-13", "latest", "2026-07-29.Dahlia", "2026-07-29 ; drop")) {
      JsonNode e = refused(400, "api_version_invalid", null,
          () -> TestStack.send("POST", "/v1/customers", key, "name=x", Map.of("Stripe-Version", version)));
      assertTrue(e.get("message").asText().contains(version), e.toString());
    }
  }

  // ---- routes and parameters -------------------------------------------------------------------

  @Test
  void unknownRoute() {
    JsonNode e = refused(404, null, null, () -> get("/v1/nope"));
    assertTrue(e.get("message").asText().contains("/v1/nope"), e.toString());
    refused(404, null, null, () -> post("/v1/nope", "a=1"));
    // A declared path with an undeclared method is no route either.
    refused(404, null, null, () -> TestStack.send("DELETE", "/v1/billing_portal/configurations/bpc_123", key, null, null));
  }

  @Test
  void unknownRouteAuthenticatesFirst() {
    // As Stripe: without a key, even a nonexistent route answers 401 (no route discovery without a key).
    refused(List.of(account), 401, INVALID_REQUEST, null, null, () -> TestStack.get("/v1/nope", null));
  }

  @Test
  void unknownParameter() {
    JsonNode e = refused(400, "parameter_unknown", "foo", () -> post("/v1/customers", "name=Jenny&foo=bar"));
    assertEquals("Received unknown parameter: foo", e.get("message").asText());
    refused(400, "parameter_unknown", "foo", () -> get("/v1/customers?foo=bar"));
    refused(400, "parameter_unknown", "address[planet]", () -> post("/v1/customers", "address[city]=Paris&address[planet]=Mars"));
  }

  @Test
  void expandOfSomethingNotExpandable() {
    refused(400, "expand_invalid", "expand", () -> post("/v1/customers", "expand[]=default_source"));
  }

  // ---- list parameters -------------------------------------------------------------------------

  @Test
  void limitThatIsNotANumber() {
    JsonNode e = refused(400, "parameter_invalid_integer", "limit", () -> get("/v1/customers?limit=abc"));
    assertTrue(e.get("message").asText().contains("abc"), e.toString());
  }

  @Test
  void limitOutOfRange() {
    refused(400, "parameter_invalid_integer", "limit", () -> get("/v1/customers?limit=0"));
    refused(400, "parameter_invalid_integer", "limit", () -> get("/v1/customers?limit=101"));
    refused(400, "parameter_invalid_integer", "limit", () -> get("/v1/billing_portal/configurations?limit=-1"));
    assertEquals(200, get("/v1/customers?limit=100").status());
    assertEquals(200, get("/v1/customers?limit=1").status());
  }

  @Test
  void bothCursors() {
    String a = newCustomer();
    String b = newCustomer();
    JsonNode e = refused(400, "parameters_exclusive", "ending_before",
        () -> get("/v1/customers?starting_after=" + a + "&ending_before=" + b));
    assertTrue(e.get("message").asText().contains("starting_after"), e.toString());
  }

  @Test
  void emptyCursor() {
    refused(400, "parameter_invalid_empty", "starting_after", () -> get("/v1/customers?starting_after="));
  }

  @Test
  void unknownCursor() {
    // Named in the query rather than the URL: a bad request, like any other unknown id in parameters.
    refused(400, "resource_missing", "starting_after", () -> get("/v1/customers?starting_after=cus_nope"));
    refused(400, "resource_missing", "ending_before", () -> get("/v1/billing_portal/configurations?ending_before=bpc_nope"));
  }

  @Test
  void listFilterOfTheWrongType() {
    refused(400, "parameter_invalid_boolean", "active", () -> get("/v1/billing_portal/configurations?active=yes"));
  }

  /** A request with full control of the headers (TestStack.send always adds its own form Content-Type). */
  private static TestStack.Answer raw(String method, String path, String authorization, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestStack.get().baseUrl() + path));
    if (authorization != null) b.header("Authorization", authorization);
    headers.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new TestStack.Answer(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
