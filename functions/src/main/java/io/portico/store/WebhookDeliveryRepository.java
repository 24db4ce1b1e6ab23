package io.portico.store;

import io.portico.domain.Scope;
import io.portico.domain.WebhookDelivery;
import java.time.Instant;

/**
 * Webhook deliveries and their schedule. An attempt is made only by whoever claimed the delivery:
 * a claim is a conditional write that moves its due time to the end of a lease, so two runs never
 * post the same delivery at once, and a run that dies mid-attempt leaves it to be retried when the
 * lease ends.
 */
public interface WebhookDeliveryRepository {
  Versioned<WebhookDelivery> find(Scope scope, String id);

  /** Creates the delivery already claimed until {@code leaseUntil}; null when it exists already (a stream record seen twice). */
  Versioned<WebhookDelivery> insertClaimed(Scope scope, WebhookDelivery delivery, Instant leaseUntil);

  /** Claims a pending delivery as read; null when someone else changed or claimed it first. */
  Versioned<WebhookDelivery> claim(Scope scope, Versioned<WebhookDelivery> read, Instant leaseUntil);

  /** Stores the outcome of the attempt made under {@code claimed}; false when the claim was lost meanwhile. */
  boolean record(Scope scope, Versioned<WebhookDelivery> claimed, WebhookDelivery after);

  /** An endpoint's deliveries, newest first; {@code status} (may be null) filters. */
  ListPage<WebhookDelivery> listForEndpoint(Scope scope, String endpointId, String status, ListRequest request);
}
