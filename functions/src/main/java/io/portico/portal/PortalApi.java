package io.portico.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.portico.api.ApiResponse;
import io.portico.api.HttpEvent;
import io.portico.api.MerchantApi;
import io.portico.config.PorticoSettings;
import io.portico.domain.Account;
import io.portico.domain.Event;
import io.portico.domain.Ids;
import io.portico.error.ApiError;
import io.portico.service.RequestContext;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.SessionRepository.PortalAccess;
import io.portico.wire.FormDecoder;
import io.portico.wire.Json;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every customer portal API call goes through: the portal credential (the hosted page's
 * cookie or a front-end's bearer token), the session's sliding expiry, origin checks (CORS for the
 * origins the configuration allows, nothing else cross-site), the CSRF token on cookie-authorised
 * changes, form decoding, and Stripe's error object for anything that goes wrong.
 */
@Singleton
public class PortalApi {
  public static final String COOKIE = "portico_portal";
  public static final String CSRF_HEADER = "x-csrf-token";
  public static final String CSRF_FIELD = "csrf_token";
  /** The only call that needs no credential: it makes one. */
  public static final String EXCHANGE_ROUTE = "POST /p/api/session";
  private static final Logger LOG = LoggerFactory.getLogger(PortalApi.class);

  private final PortalAccessService access;
  private final PorticoSettings settings;
  private final Clock clock;

  public PortalApi(PortalAccessService access, PorticoSettings settings, Clock clock) {
    this.access = access;
    this.settings = settings;
    this.clock = clock;
  }

  public APIGatewayProxyResponseEvent serve(APIGatewayProxyRequestEvent event, Function<PortalRequest, ApiResponse> router) {
    String requestId = "req_" + Ids.random(14);
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Request-Id", requestId);
    out.put("Cache-Control", "no-store");
    out.put("Referrer-Policy", "no-referrer");
    out.put("X-Content-Type-Options", "nosniff");
    out.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    try {
      Map<String, String> headers = HttpEvent.headers(event);
      String method = event.getHttpMethod() == null ? "GET" : event.getHttpMethod().toUpperCase();
      String origin = headers.get("origin");
      if ("OPTIONS".equals(method)) return preflight(origin, out);
      String body = HttpEvent.body(event);
      if (body.getBytes(StandardCharsets.UTF_8).length > settings.getMaxBodyBytes()) {
        throw new ApiError(413, ApiError.INVALID_REQUEST, "request_too_large", null,
            "The request body is larger than " + settings.getMaxBodyBytes() + " bytes.");
      }
      Params params = Params.of("GET".equals(method) ? FormDecoder.fromPairs(HttpEvent.query(event)) : formBody(body, headers.get("content-type")));
      Instant now = clock.instant();
      String baseUrl = HttpEvent.baseUrl(event, headers, settings);
      String route = method + " " + event.getResource();
      Map<String, String> pathParameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();

      PortalAccess session;
      String csrf = null;
      if (EXCHANGE_ROUTE.equals(route)) {
        // A front-end trades the link for a bearer credential; only an allowed origin may (checked before the link is spent).
        String link = linkToken(params.requiredString("link", 5000));
        params.rejectUnknown();
        PortalAccessService.Exchanged exchanged;
        try {
          exchanged = access.exchange(link, now, a -> checkOrigin(origin, baseUrl, a, false, headers, out));
        } catch (PortalAccessService.LinkRefused refused) {
          throw refused.asApiError();
        }
        return json(200, new Credential(exchanged.credential(), exchanged.access().session().id(), exchanged.access().session().customer(),
            exchanged.access().lifetime().expiresAt().getEpochSecond()), out);
      }
      String bearer = bearer(headers.get("authorization"));
      String cookie = bearer == null ? cookie(headers.get("cookie")) : null;
      String credential = bearer != null ? bearer : cookie;
      if (credential == null) {
        throw new ApiError(401, ApiError.INVALID_REQUEST, "portal_session_missing", null,
            "This call needs a portal session: open the portal link, or send Authorization: Bearer <portal credential>.");
      }
      session = access.authenticate(credential, now);
      if (session == null) {
        throw new ApiError(401, ApiError.INVALID_REQUEST, "portal_session_expired", null,
            "This portal session has expired or is not valid. Return to the merchant's site and open the portal again.");
      }
      boolean usesCookie = bearer == null;
      checkOrigin(origin, baseUrl, session, usesCookie, headers, out);
      if (usesCookie) {
        csrf = PortalAccessService.csrfToken(cookie);
        if (!"GET".equals(method)) {
          String sent = headers.containsKey(CSRF_HEADER) ? headers.get(CSRF_HEADER) : params.string(CSRF_FIELD);
          params.accept(CSRF_FIELD);
          if (!PortalAccessService.sameSecret(sent, csrf)) {
            throw new ApiError(403, ApiError.INVALID_REQUEST, "csrf_token_invalid", null,
                "This change did not come from the portal page (missing or wrong CSRF token). Reload the portal and try again.");
          }
        }
      }
      Account merchant = session.merchant();
      String version = merchant.defaultApiVersion() != null ? merchant.defaultApiVersion() : settings.getApiVersion();
      RequestContext ctx = new RequestContext(merchant, session.scope(), requestId, null, version, baseUrl, now,
          Event.Actor.customerPortal(session.session().id()));
      ApiResponse response = router.apply(new PortalRequest(route, pathParameters, params, session, ctx, csrf));
      out.putAll(response.headers());
      if (response.body() instanceof byte[] bytes) return HttpEvent.binary(response.status(), response.contentType(), bytes, out);
      return HttpEvent.response(response.status(), response.contentType(), Json.write(response.body()), out);
    } catch (ApiError e) {
      return MerchantApi.error(e, out);
    } catch (ConcurrentUpdateException e) {
      return MerchantApi.error(new ApiError(429, ApiError.INVALID_REQUEST, "lock_timeout", null,
          "Someone else is changing this right now. Please try again."), out);
    } catch (RuntimeException e) {
      LOG.error("portal request {} failed", requestId, e);
      return MerchantApi.error(ApiError.internal(requestId), out);
    }
  }

  /** The bearer credential a front-end gets for a link ({@code POST /p/api/session}). */
  public record Credential(String token, String session, String customer, long expiresAt) {
    @JsonProperty("object")
    public String object() { return "billing_portal.credential"; }
  }

  /**
   * A call from another origin must come from one the configuration allows, with a bearer
   * credential: the cookie only ever works on the portal's own pages. Allowed callers get CORS
   * headers; a frame is allowed for the same origins.
   */
  private static void checkOrigin(String origin, String baseUrl, PortalAccess session, boolean usesCookie, Map<String, String> headers,
      Map<String, String> out) {
    List<String> allowed = session.configuration().allowedOrigins() == null ? List.of() : session.configuration().allowedOrigins();
    if (!allowed.isEmpty()) out.put("Content-Security-Policy", "default-src 'none'; frame-ancestors " + String.join(" ", allowed));
    boolean crossSite = "cross-site".equals(headers.get("sec-fetch-site"));
    // A browser sends Origin "null" for a same-origin POST from a no-referrer page; that is not another site.
    boolean foreign = origin != null && !"null".equals(origin) && !origin.equalsIgnoreCase(originOf(baseUrl));
    if (usesCookie && (foreign || crossSite)) {
      throw new ApiError(403, ApiError.INVALID_REQUEST, "cross_site_request", null,
          "The portal cookie only works on the portal's own pages; a front-end on another site must use a bearer credential.");
    }
    if (!foreign) return;
    if (!allowed.contains(origin.toLowerCase(java.util.Locale.ROOT))) {
      throw new ApiError(403, ApiError.INVALID_REQUEST, "origin_not_allowed", null, "Calls from " + origin
          + " are not allowed: add it to allowed_origins of portal configuration " + session.configuration().id() + ".");
    }
    out.put("Access-Control-Allow-Origin", origin);
    out.put("Vary", "Origin");
    out.put("Access-Control-Expose-Headers", "Request-Id");
  }

  /**
   * A preflight carries no credential, so it cannot know the session's allowed origins: it answers
   * for any well-formed origin, and the real call is refused (without CORS headers) unless allowed.
   */
  private static APIGatewayProxyResponseEvent preflight(String origin, Map<String, String> out) {
    if (origin != null && origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
      out.put("Access-Control-Allow-Origin", origin);
      out.put("Access-Control-Allow-Methods", "GET, POST, DELETE");
      out.put("Access-Control-Allow-Headers", "Authorization, Content-Type");
      out.put("Access-Control-Max-Age", "600");
      out.put("Vary", "Origin");
    }
    return HttpEvent.response(204, "text/plain", "", out);
  }

  private static APIGatewayProxyResponseEvent json(int status, Object body, Map<String, String> out) {
    return HttpEvent.response(status, "application/json", Json.write(body), out);
  }

  /** The scheme, host and port of a URL, as a browser writes it in {@code Origin}. */
  public static String originOf(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
  }

  /** The token from a full session URL ({@code …/p/session/<token>}) or the token alone. */
  private static String linkToken(String link) {
    int at = link.lastIndexOf('/');
    return at >= 0 ? link.substring(at + 1) : link;
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  /** The portal credential from a {@code Cookie} header; null when absent. */
  public static String cookie(String header) {
    if (header == null) return null;
    for (String part : header.split(";")) {
      String p = part.trim();
      if (p.startsWith(COOKIE + "=")) return p.substring(COOKIE.length() + 1);
    }
    return null;
  }

  private static Map<String, Object> formBody(String body, String contentType) {
    if (!body.isEmpty() && contentType != null && !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw ApiError.invalid("content_type_invalid", null, "Portal API bodies are form-encoded (Content-Type:"
          + " application/x-www-form-urlencoded); got " + contentType + ".");
    }
    return FormDecoder.decode(body);
  }
}
