package io.portico.store;

import io.portico.domain.Scope;
import io.portico.domain.WebhookEndpoint;
import java.util.List;

/** Webhook endpoints, with their signing secrets. Stripe announces no event for them, so none is written. */
public interface WebhookEndpointRepository {
  Versioned<WebhookEndpoint> find(Scope scope, String id);

  void insert(Scope scope, WebhookEndpoint endpoint, long createdMs);

  /** Throws {@link ConcurrentUpdateException} if it changed since {@code previous} was read. */
  void replace(Scope scope, Versioned<WebhookEndpoint> previous, WebhookEndpoint endpoint);

  /** Removes it (Stripe forgets a deleted endpoint); deliveries still waiting for it then fail. */
  void delete(Scope scope, Versioned<WebhookEndpoint> previous);

  ListPage<WebhookEndpoint> list(Scope scope, ListRequest request);

  /** Every endpoint of the account and mode (Stripe allows 16), for delivery. */
  List<WebhookEndpoint> all(Scope scope);
}
