package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;

public interface SubscriptionRepository {
  Versioned<Subscription> find(Scope scope, String id);

  void stageInsert(Changes changes, Scope scope, Subscription subscription, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<Subscription> previous, Subscription subscription, Event event);

  /**
   * Newest first. {@code customer}, {@code status} and {@code price} (an item's price) narrow the
   * list; {@code status} "all" includes canceled ones, null means every status but canceled (Stripe's default).
   */
  ListPage<Subscription> list(Scope scope, String customer, String status, String price, ListRequest request);
}
