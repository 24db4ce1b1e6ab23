package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import io.portico.domain.TaxId;

/**
 * Customers' tax IDs, listed per customer through {@value TableLayout#BY_LOOKUP} and shown on the
 * portal home through {@value TableLayout#BY_OWNER} (rank 3). A deleted tax ID is kept as a
 * tombstone that leaves every index; as in Stripe it can no longer be retrieved.
 */
public interface TaxIdRepository {
  /** The tax ID (a deleted one too: see {@link Versioned#deleted()}); null when unknown in this scope. */
  Versioned<TaxId> find(Scope scope, String id);

  void stageInsert(Changes changes, Scope scope, TaxId taxId, long createdMs, Event event);

  /** Deletes {@code previous} (at its version) and writes the event, in one transaction. */
  void markDeleted(Scope scope, Versioned<TaxId> previous, Event event);

  /** A customer's tax IDs, newest first. */
  ListPage<TaxId> list(Scope scope, String customer, ListRequest request);
}
