package io.portico.service;

import io.portico.config.WebhookSettings;
import io.portico.domain.WebhookSignature;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Posts one signed event to one URL with the JDK's HTTP client (no SDK module: the deployment stays
 * small). Redirects are not followed (Stripe counts them as failures); an answer slower than the
 * configured timeout is a failure.
 */
@Singleton
public class WebhookSender {
  /** What one POST came to: the HTTP status, or null and the reason no answer came; and how long it took. */
  public record Outcome(Integer status, String error, long durationMs) {}

  private final HttpClient client;
  private final WebhookSettings settings;

  public WebhookSender(WebhookSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.timeout()).build();
  }

  public CompletableFuture<Outcome> post(String url, String payload, String signatureHeader) {
    long started = System.nanoTime();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .header("User-Agent", "Portico/1.0 (+webhooks)")
          .header(WebhookSignature.HEADER, signatureHeader)
          .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new Outcome(null, "invalid URL: " + e.getMessage(), 0));
    }
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle((response, failure) -> {
          long ms = (System.nanoTime() - started) / 1_000_000;
          if (failure == null) return new Outcome(response.statusCode(), null, ms);
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
          String why = cause instanceof HttpTimeoutException ? "timed out after " + settings.timeout().toSeconds() + " s"
              : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
          return new Outcome(null, why, ms);
        });
  }
}
