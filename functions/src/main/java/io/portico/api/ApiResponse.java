package io.portico.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a service answers: a status, a body (an object serialized as Stripe JSON, or ready text) and extra headers. */
public record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body, "application/json", new LinkedHashMap<>());
  }

  public static ApiResponse html(int status, String html) {
    return new ApiResponse(status, html, "text/html; charset=utf-8", new LinkedHashMap<>());
  }

  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
