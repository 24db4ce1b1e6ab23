package io.portico.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.portico.config.PorticoSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading API Gateway proxy events and writing their responses. */
public final class HttpEvent {
  private HttpEvent() {}

  /** Header names are case-insensitive: look them up lower-cased. */
  public static Map<String, String> headers(APIGatewayProxyRequestEvent e) {
    Map<String, String> out = new LinkedHashMap<>();
    if (e.getHeaders() != null) e.getHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    if (e.getMultiValueHeaders() != null) {
      e.getMultiValueHeaders().forEach((k, v) -> {
        if (v != null && !v.isEmpty()) out.putIfAbsent(k.toLowerCase(Locale.ROOT), v.get(0));
      });
    }
    return out;
  }

  public static Map<String, List<String>> query(APIGatewayProxyRequestEvent e) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (e.getMultiValueQueryStringParameters() != null) out.putAll(e.getMultiValueQueryStringParameters());
    else if (e.getQueryStringParameters() != null) e.getQueryStringParameters().forEach((k, v) -> out.put(k, List.of(v)));
    return out;
  }

  public static String body(APIGatewayProxyRequestEvent e) {
    String body = e.getBody();
    if (body == null) return "";
    if (Boolean.TRUE.equals(e.getIsBase64Encoded())) return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    return body;
  }

  /**
   * Where customers reach this deployment: the configured public URL, else the request's own host
   * (plus the API Gateway stage when the host is the execute-api one).
   */
  public static String baseUrl(APIGatewayProxyRequestEvent e, Map<String, String> headers, PorticoSettings settings) {
    String configured = settings.getPublicBaseUrl();
    if (configured != null && !configured.isBlank()) return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    String host = headers.getOrDefault("host", "localhost");
    String proto = headers.getOrDefault("x-forwarded-proto", "https");
    String stage = e.getRequestContext() == null ? null : e.getRequestContext().getStage();
    boolean stageInPath = stage != null && !stage.isEmpty() && !"$default".equals(stage) && host.contains(".execute-api.");
    return proto + "://" + host + (stageInPath ? "/" + stage : "");
  }

  /** A binary body: API Gateway decodes it (the API lists every media type as binary). */
  public static APIGatewayProxyResponseEvent binary(int status, String contentType, byte[] body, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    h.putAll(headers);
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(h).withBody(Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(true);
  }

  public static APIGatewayProxyResponseEvent response(int status, String contentType, String body, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    h.putAll(headers);
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(h).withBody(body).withIsBase64Encoded(false);
  }
}
