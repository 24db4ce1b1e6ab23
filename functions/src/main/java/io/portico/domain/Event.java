package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A change, as Stripe's {@code event} object: the object after the change and, for updates, the
 * fields it had before. Written in the same transaction as the change (an outbox), delivered to
 * webhook endpoints from the table's stream.
 */
public record Event(
    String id,
    String apiVersion,
    long created,
    Data data,
    boolean livemode,
    long pendingWebhooks,
    Request request,
    String type,
    // Portico's extension: who caused the change (Stripe records only the request).
    Actor actor) {

  public static final String OBJECT = "event";
  /** Stripe keeps events for 30 days. */
  public static final long RETENTION_SECONDS = 30L * 24 * 3600;

  @JsonProperty("object")
  public String object() { return OBJECT; }

  public record Data(JsonNode object, JsonNode previousAttributes) {}

  public record Request(String id, String idempotencyKey) {}

  /**
   * {@code type}: {@code secret_key} (the merchant's API), {@code customer_portal} (the customer, in
   * portal session {@code portalSession}) or {@code billing_clock} (renewals and other scheduled changes).
   */
  public record Actor(String type, String portalSession) {
    public static final Actor SECRET_KEY = new Actor("secret_key", null);
    public static final Actor BILLING_CLOCK = new Actor("billing_clock", null);

    public static Actor customerPortal(String portalSession) {
      return new Actor("customer_portal", portalSession);
    }
  }
}
