package io.portico.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The HTTP client of the bench: a merchant's server speaking Stripe's wire format (form bodies,
 * Bearer key, an Idempotency-Key on every POST as Stripe's SDKs send). The same code drives
 * Portico and stripe-stateful-mock.
 */
public final class Api {
  static {
    // Drop idle connections before the servers do (Node's keep-alive timeout is 5 s): a request sent on
    // a connection the server is closing fails with "header parser received no bytes".
    System.setProperty("jdk.httpclient.keepalive.timeout", "3");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final String base;
  private final String key;

  public Api(String base, String key) {
    this.base = base;
    this.key = key;
  }

  public String base() {
    return base;
  }

  public JsonNode post(String path, String form) {
    return send(request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** A POST without the secret key (the portal's link exchange). */
  public JsonNode postAnonymous(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  public JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key)
        .header("Stripe-Version", "2026-07-29.dahlia");
  }

  private static JsonNode send(HttpRequest r) {
    try {
      HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(r.method() + " " + r.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(r.method() + " " + r.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
