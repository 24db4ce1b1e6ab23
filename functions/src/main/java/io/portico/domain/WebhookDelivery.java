package io.portico.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Our extension (Stripe shows this only in its dashboard): one event on its way to one endpoint,
 * with every attempt made (when, the HTTP status or the error, how long it took) and, while it is
 * {@code pending}, when the next attempt is due. {@code succeeded} after a 2xx answer; {@code failed}
 * once the retries ran out (or the endpoint was disabled or deleted meanwhile).
 */
public record WebhookDelivery(
    String id,
    long created,
    String event,
    String eventType,
    boolean livemode,
    Long nextAttempt,
    String status,
    String webhookEndpoint,
    List<Attempt> attempts) {

  public static final String OBJECT = "webhook_delivery";
  public static final String PENDING = "pending";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  @JsonProperty("object")
  public String object() { return OBJECT; }

  /** One POST: {@code status_code} null when no HTTP answer came (refused, timed out), {@code error} then says why. */
  public record Attempt(long attemptedAt, Integer statusCode, String error, long durationMs) {
    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  public static WebhookDelivery pending(String id, long created, String event, String eventType, boolean livemode, String endpoint) {
    return new WebhookDelivery(id, created, event, eventType, livemode, created, PENDING, endpoint, List.of());
  }

  /** This delivery after {@code attempt}: delivered, or retried at {@code next}, or failed when {@code next} is null. */
  public WebhookDelivery after(Attempt attempt, Long next) {
    List<Attempt> all = new ArrayList<>(attempts);
    all.add(attempt);
    String outcome = attempt.delivered() ? SUCCEEDED : next == null ? FAILED : PENDING;
    return new WebhookDelivery(id, created, event, eventType, livemode, PENDING.equals(outcome) ? next : null, outcome, webhookEndpoint, all);
  }

  /** The same delivery with its next attempt moved (a claim: no one else tries before {@code at}). */
  public WebhookDelivery withNextAttempt(long at) {
    return new WebhookDelivery(id, created, event, eventType, livemode, at, status, webhookEndpoint, attempts);
  }

  /** Given up without an attempt: the endpoint was disabled or deleted while the event waited. */
  public WebhookDelivery abandoned(long at, String why) {
    return after(new Attempt(at, null, why, 0), null);
  }
}
