package io.portico.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.portico.config.PorticoSettings;
import io.portico.domain.Event;
import io.portico.domain.Ids;
import io.portico.error.ApiError;
import io.portico.service.Authenticator;
import io.portico.service.RequestContext;
import io.portico.store.ConcurrentUpdateException;
import io.portico.store.IdempotencyRepository;
import io.portico.wire.FormDecoder;
import io.portico.wire.Json;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every merchant API request goes through, whatever its route: request id, size limit,
 * secret-key authentication, Stripe-Version, form decoding, Idempotency-Key, unknown-parameter
 * rejection, and Stripe's error object for anything that goes wrong.
 */
@Singleton
public class MerchantApi {
  private static final Logger LOG = LoggerFactory.getLogger(MerchantApi.class);
  private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z_]+)?");

  private final Authenticator authenticator;
  private final IdempotencyRepository idempotency;
  private final PorticoSettings settings;
  private final Clock clock;

  public MerchantApi(Authenticator authenticator, IdempotencyRepository idempotency, PorticoSettings settings, Clock clock) {
    this.authenticator = authenticator;
    this.idempotency = idempotency;
    this.settings = settings;
    this.clock = clock;
  }

  public APIGatewayProxyResponseEvent serve(APIGatewayProxyRequestEvent event, Function<ApiRequest, ApiResponse> router) {
    return serve(event, router, Set.of());
  }

  /**
   * {@code writingOnce}: routes ({@code "POST /v1/..."}) whose work is one transaction; their
   * Idempotency-Key is recorded in that transaction ({@link IdempotentAnswer}) instead of being
   * claimed before the work and completed after it.
   */
  public APIGatewayProxyResponseEvent serve(APIGatewayProxyRequestEvent event, Function<ApiRequest, ApiResponse> router,
      Set<String> writingOnce) {
    String requestId = "req_" + Ids.random(14);
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Request-Id", requestId);
    out.put("Cache-Control", "no-cache, no-store");
    String claimedKey = null;
    String scopeKey = null;
    Authenticator.Caller caller;
    try {
      Map<String, String> headers = HttpEvent.headers(event);
      String method = event.getHttpMethod() == null ? "GET" : event.getHttpMethod().toUpperCase();
      String body = HttpEvent.body(event);
      if (body.getBytes(StandardCharsets.UTF_8).length > settings.getMaxBodyBytes()) {
        throw new ApiError(413, ApiError.INVALID_REQUEST, "request_too_large", null,
            "The request body is larger than " + settings.getMaxBodyBytes() + " bytes.");
      }
      caller = authenticator.authenticate(headers.get("authorization"));
      String version = apiVersion(headers.get("stripe-version"), caller);
      out.put("Stripe-Version", version);
      Params params = Params.of("POST".equals(method) ? formBody(body, headers.get("content-type")) : FormDecoder.fromPairs(HttpEvent.query(event)));
      Instant now = clock.instant();
      String idempotencyKey = "POST".equals(method) ? headers.get("idempotency-key") : null;
      RequestContext ctx = new RequestContext(caller.account(), caller.scope(), requestId, idempotencyKey, version,
          HttpEvent.baseUrl(event, headers, settings), now, Event.Actor.SECRET_KEY);
      String fingerprint = null;
      String route = method + " " + event.getResource();
      IdempotentAnswer inTransaction = null;
      if (idempotencyKey != null) {
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
          throw ApiError.invalid("idempotency_key_invalid", null, "Idempotency keys must be between 1 and 255 characters long.");
        }
        out.put("Idempotency-Key", idempotencyKey);
        fingerprint = caller.replaySeal().fingerprint(method + " " + event.getPath() + "\n" + canonical(body));
        if (writingOnce.contains(route)) {
          inTransaction = new IdempotentAnswer(idempotency, caller.scope().key(), idempotencyKey, fingerprint, caller.replaySeal(), now);
        } else {
          IdempotencyRepository.Claim claim = idempotency.claim(caller.scope().key(), idempotencyKey, fingerprint, now);
          APIGatewayProxyResponseEvent replay = replayOrRefuse(claim, caller, idempotencyKey, out);
          if (replay != null) return replay;
          claimedKey = idempotencyKey;
          scopeKey = caller.scope().key();
        }
      }
      ApiRequest request = new ApiRequest(route, event.getPath(), pathParameters(event), params, ctx, inTransaction);
      ApiResponse response;
      try {
        response = router.apply(request);
      } catch (IdempotentAnswer.Taken taken) {
        IdempotencyRepository.Claim claim = idempotency.existing(caller.scope().key(), idempotencyKey, fingerprint);
        APIGatewayProxyResponseEvent replay = replayOrRefuse(claim, caller, idempotencyKey, out);
        if (replay != null) return replay;
        throw new ApiError(409, ApiError.IDEMPOTENCY, "idempotency_key_in_use", null,
            "There is currently another in-progress request using this Idempotency-Key. Please try again later.");
      }
      String recorded = inTransaction == null ? null : inTransaction.json();
      String json = recorded != null ? recorded : Json.write(response.body());
      out.putAll(response.headers());
      if (claimedKey != null) {
        idempotency.complete(scopeKey, claimedKey, fingerprint, response.status(), caller.replaySeal().seal(json), now);
      } else if (inTransaction != null && recorded == null) {
        // the route answered without its transaction (nothing to write): keep the answer the usual way
        idempotency.complete(caller.scope().key(), idempotencyKey, fingerprint, response.status(), caller.replaySeal().seal(json), now);
      }
      return HttpEvent.response(response.status(), response.contentType(), json, out);
    } catch (ApiError e) {
      release(scopeKey, claimedKey);
      return error(e, out);
    } catch (ConcurrentUpdateException e) {
      release(scopeKey, claimedKey);
      return error(new ApiError(429, ApiError.INVALID_REQUEST, "lock_timeout", null,
          "This object cannot be accessed right now because another API request is changing it. Please retry."), out);
    } catch (RuntimeException e) {
      LOG.error("request {} failed", requestId, e);
      release(scopeKey, claimedKey);
      return error(ApiError.internal(requestId), out);
    }
  }

  /** The stored answer for a replay, or Stripe's error for a key that is in use; null when the key is this request's to use. */
  private static APIGatewayProxyResponseEvent replayOrRefuse(IdempotencyRepository.Claim claim, Authenticator.Caller caller,
      String idempotencyKey, Map<String, String> out) {
    String replayed = claim instanceof IdempotencyRepository.Replay r ? caller.replaySeal().open(r.body()) : null;
    if (replayed != null) {
      out.put("Idempotent-Replayed", "true");
      return HttpEvent.response(((IdempotencyRepository.Replay) claim).status(), "application/json", replayed, out);
    }
    // A replay sealed under a rolled key cannot be opened: to the caller that is a different request.
    if (claim instanceof IdempotencyRepository.Mismatch || claim instanceof IdempotencyRepository.Replay) {
      throw new ApiError(400, ApiError.IDEMPOTENCY, "idempotency_key_in_use", null,
          "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key"
              + " other than '" + idempotencyKey + "' if you meant to execute a different request.");
    }
    if (claim instanceof IdempotencyRepository.InProgress) {
      throw new ApiError(409, ApiError.IDEMPOTENCY, "idempotency_key_in_use", null,
          "There is currently another in-progress request using this Idempotency-Key. Please try again later.");
    }
    return null;
  }

  /** Stripe's error object. */
  public static APIGatewayProxyResponseEvent error(ApiError e, Map<String, String> headers) {
    Map<String, Object> err = new LinkedHashMap<>();
    if (e.code() != null) err.put("code", e.code());
    err.putAll(e.extra());
    err.put("message", e.getMessage());
    if (e.param() != null) err.put("param", e.param());
    err.put("type", e.type());
    return HttpEvent.response(e.status(), "application/json", Json.write(Map.of("error", err)), headers);
  }

  private void release(String scopeKey, String key) {
    if (key == null) return;
    try {
      idempotency.release(scopeKey, key);
    } catch (RuntimeException e) {
      LOG.warn("could not release idempotency key; it frees itself after {} s", IdempotencyRepository.LOCK_SECONDS, e);
    }
  }

  private String apiVersion(String requested, Authenticator.Caller caller) {
    if (requested == null || requested.isBlank()) {
      String accountDefault = caller.account().defaultApiVersion();
      return accountDefault != null ? accountDefault : settings.getApiVersion();
    }
    if (!API_VERSION.matcher(requested.trim()).matches()) {
      throw ApiError.invalid("api_version_invalid", null, "Invalid Stripe API version: " + requested
          + ". Versions look like 2026-07-29.dahlia.");
    }
    return requested.trim();
  }

  private static Map<String, Object> formBody(String body, String contentType) {
    if (!body.isEmpty() && contentType != null && !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      throw ApiError.invalid("content_type_invalid", null, "Request bodies must be form-encoded (Content-Type:"
          + " application/x-www-form-urlencoded), as in Stripe's API; got " + contentType + ".");
    }
    return FormDecoder.decode(body);
  }

  private static Map<String, String> pathParameters(APIGatewayProxyRequestEvent e) {
    return e.getPathParameters() == null ? Map.of() : e.getPathParameters();
  }

  /** The same parameters in another order are the same request. */
  private static String canonical(String body) {
    String[] pairs = body.split("&");
    Arrays.sort(pairs);
    return String.join("&", pairs);
  }
}
