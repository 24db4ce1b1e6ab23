package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer in the portal, as the tests drive it: either the hosted page's browser (it opened the
 * session link, holds the cookie and sends the CSRF token on changes) or a merchant front-end
 * holding a bearer credential.
 */
final class PortalClient {
  final String cookie;
  final String bearer;
  final String csrf;

  private PortalClient(String cookie, String bearer, String csrf) {
    this.cookie = cookie;
    this.bearer = bearer;
    this.csrf = csrf;
  }

  /** Opens the session link like a browser: 303 to the portal page, with the portal cookie. */
  static PortalClient browser(String sessionUrl) {
    TestStack.Answer opened = openLink(sessionUrl, null);
    assertEquals(303, opened.status(), opened.body());
    String setCookie = opened.header("Set-Cookie");
    assertNotNull(setCookie, "the link sets the portal cookie");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    PortalClient noCsrf = new PortalClient(cookie, null, null);
    TestStack.Answer home = noCsrf.get("/p/api/home");
    assertEquals(200, home.status(), home.body());
    return new PortalClient(cookie, null, home.json().at("/session/csrf_token").asText());
  }

  /** Trades the link for a bearer credential, as a merchant's own front-end does. */
  static PortalClient frontEnd(String sessionUrl) {
    TestStack.Answer a = TestStack.send("POST", "/p/api/session", null, "link=" + enc(sessionUrl), null);
    assertEquals(200, a.status(), a.body());
    return new PortalClient(null, a.json().get("token").asText(), null);
  }

  static TestStack.Answer openLink(String sessionUrl, String cookie) {
    return TestStack.send("GET", sessionUrl.substring(TestStack.get().baseUrl().length()), null, null,
        cookie == null ? null : Map.of("Cookie", cookie));
  }

  TestStack.Answer get(String path) {
    return TestStack.send("GET", path, null, null, headers(null));
  }

  TestStack.Answer post(String path, String form) {
    return TestStack.send("POST", path, null, form == null ? "" : form, headers(null));
  }

  TestStack.Answer delete(String path) {
    return TestStack.send("DELETE", path, null, null, headers(null));
  }

  /** A call with extra headers (an Origin, say) on top of the credential. */
  TestStack.Answer send(String method, String path, String form, Map<String, String> extra) {
    return TestStack.send(method, path, null, form, headers(extra));
  }

  private Map<String, String> headers(Map<String, String> extra) {
    Map<String, String> h = new LinkedHashMap<>();
    if (cookie != null) h.put("Cookie", cookie);
    if (bearer != null) h.put("Authorization", "Bearer " + bearer);
    if (csrf != null) h.put("X-CSRF-Token", csrf);
    if (extra != null) h.putAll(extra);
    return h;
  }

  /** The same customer without the CSRF token (what a forged request from another page would look like). */
  PortalClient withoutCsrf() {
    return new PortalClient(cookie, bearer, null);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
