package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Stripe's {@code webhook_endpoint}: where a merchant wants events delivered, which types
 * ({@code enabled_events}, or {@code *} for all) and in which API version. The signing
 * {@code secret} is stored with it (the delivery function signs with it) but shown only in the
 * answer to its creation, as Stripe does: {@link #withoutSecret()} is what every other answer shows.
 */
public record WebhookEndpoint(
    String id,
    String apiVersion,
    String application,
    long created,
    String description,
    List<String> enabledEvents,
    boolean livemode,
    Map<String, String> metadata,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
    String status,
    String url) {

  public static final String OBJECT = "webhook_endpoint";
  public static final String ENABLED = "enabled";
  public static final String DISABLED = "disabled";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public WebhookEndpoint withoutSecret() {
    return new WebhookEndpoint(id, apiVersion, application, created, description, enabledEvents, livemode, metadata, null, status, url);
  }

  /** Whether an event of {@code type} goes to this endpoint: enabled, and the type (or {@code *}) among its events. */
  public boolean wants(String type) {
    return ENABLED.equals(status) && (enabledEvents.contains("*") || enabledEvents.contains(type));
  }
}
