package io.portico.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, in Stripe's error vocabulary: the HTTP status, the error
 * {@code type}, an optional machine-readable {@code code}, the {@code param} at fault and a message a
 * person understands. Thrown anywhere (domain, services, wire); the API edge turns it into Stripe's
 * error object. Plain Java on purpose: domain rules throw it too.
 */
public class ApiError extends RuntimeException {
  public static final String INVALID_REQUEST = "invalid_request_error";
  public static final String IDEMPOTENCY = "idempotency_error";
  public static final String API = "api_error";
  public static final String CARD = "card_error";

  private final int status;
  private final String type;
  private final String code;
  private final String param;
  private final Map<String, String> extra = new LinkedHashMap<>();

  public ApiError(int status, String type, String code, String param, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  public static ApiError invalid(String param, String message) {
    return new ApiError(400, INVALID_REQUEST, null, param, message);
  }

  public static ApiError invalid(String code, String param, String message) {
    return new ApiError(400, INVALID_REQUEST, code, param, message);
  }

  public static ApiError missing(String param) {
    return new ApiError(400, INVALID_REQUEST, "parameter_missing", param, "Missing required param: " + param + ".");
  }

  public static ApiError unknownParameter(String param) {
    return new ApiError(400, INVALID_REQUEST, "parameter_unknown", param, "Received unknown parameter: " + param);
  }

  public static ApiError invalidEmpty(String param) {
    return new ApiError(400, INVALID_REQUEST, "parameter_invalid_empty", param,
        "You passed an empty string for '" + param + "'. We assume empty values are an attempt to unset a"
            + " parameter; however '" + param + "' cannot be unset. You should remove '" + param
            + "' from your request or supply a non-empty value.");
  }

  public static ApiError invalidInteger(String param, String value) {
    return new ApiError(400, INVALID_REQUEST, "parameter_invalid_integer", param, "Invalid integer: " + value);
  }

  public static ApiError tooLong(String param, int max) {
    return new ApiError(400, INVALID_REQUEST, "string_length_exceeds_maximum", param,
        "Invalid " + param + ": must be at most " + max + " characters");
  }

  /** {@code kind} is the object's name as Stripe says it in messages: "customer", "billing_portal.configuration". */
  public static ApiError noSuch(String kind, String id, String param) {
    return new ApiError(404, INVALID_REQUEST, "resource_missing", param, "No such " + kind + ": '" + id + "'");
  }

  /** Stripe's card_error (HTTP 402): the payment details were refused; {@code param} is the card field at fault, if any. */
  public static ApiError card(String code, String param, String message) {
    return new ApiError(402, CARD, code, param, message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, INVALID_REQUEST, null, null, message);
  }

  public static ApiError unrecognizedUrl(String method, String path) {
    return new ApiError(404, INVALID_REQUEST, null, null,
        "Unrecognized request URL (" + method + ": " + path + "). Please see the API reference for the supported routes.");
  }

  public static ApiError internal(String requestId) {
    return new ApiError(500, API, null, null,
        "An unexpected error occurred while processing your request (request " + requestId + "). It has been logged; please retry.");
  }

  /**
   * The same error answered with 400: Stripe reports a missing object named in the request body as a
   * bad request, and one named in the URL as 404.
   */
  public ApiError asBadRequest() {
    ApiError copy = new ApiError(400, type, code, param, getMessage());
    copy.extra.putAll(extra);
    return copy;
  }

  public ApiError with(String field, String value) {
    extra.put(field, value);
    return this;
  }

  public int status() { return status; }
  public String type() { return type; }
  public String code() { return code; }
  public String param() { return param; }
  public Map<String, String> extra() { return extra; }
}
