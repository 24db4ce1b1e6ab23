package io.portico.store;

import io.portico.domain.Discount;
import io.portico.domain.Event;
import io.portico.domain.Scope;

/** Subscriptions' discounts; a subscription names its own in {@code discounts}. */
public interface DiscountRepository {
  /** The discount, or a removed one's tombstone; null when unknown here. */
  Versioned<Discount> find(Scope scope, String id);

  void stageInsert(Changes changes, Scope scope, Discount discount, long createdMs, Event event);

  /** Stages the end of a discount (a tombstone keeps it readable for the invoices that used it). */
  void stageRemoval(Changes changes, Scope scope, Versioned<Discount> current, Event event);
}
