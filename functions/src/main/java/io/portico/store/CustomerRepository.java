package io.portico.store;

import io.portico.domain.Customer;
import io.portico.domain.Event;
import io.portico.domain.Scope;

public interface CustomerRepository {
  /** The customer, or a deleted one's tombstone (see {@link Versioned#deleted()}); null when unknown here. */
  Versioned<Customer> find(Scope scope, String id);

  void insert(Scope scope, Customer customer, long createdMs, Event event);

  /** Replaces {@code previous} with {@code customer}; throws {@link ConcurrentUpdateException} if it changed meanwhile. */
  void replace(Scope scope, Versioned<Customer> previous, Customer customer, Event event);

  /** Stages the replacement of {@code previous} with {@code customer} in a unit of work (with its payment methods). */
  void stageReplace(Changes changes, Scope scope, Versioned<Customer> previous, Customer customer, Event event);

  /** Stages a condition: the customer must still be as read when the unit of work commits (it was not deleted or changed meanwhile). */
  void stageUnchanged(Changes changes, Versioned<Customer> read);

  /**
   * A condition for a transaction: customer {@code id} exists in {@code scope} and is not deleted, so a
   * write that only needs the customer to exist can skip reading it.
   */
  Write exists(Scope scope, String id);

  /** Keeps a tombstone so retrieval answers {@code deleted: true}; the customer leaves every list. */
  void markDeleted(Scope scope, Versioned<Customer> previous, Event event);

  /** Newest first; {@code email} (may be null) filters by exact, case-sensitive address as Stripe does. */
  ListPage<Customer> list(Scope scope, String email, ListRequest request);
}
