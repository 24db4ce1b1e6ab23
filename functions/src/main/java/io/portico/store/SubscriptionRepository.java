package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;
import java.time.Instant;
import java.util.List;

public interface SubscriptionRepository {
  Versioned<Subscription> find(Scope scope, String id);

  void stageInsert(Changes changes, Scope scope, Subscription subscription, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<Subscription> previous, Subscription subscription, Event event);

  /**
   * Newest first. {@code customer}, {@code status} and {@code price} (an item's price) narrow the
   * list; {@code status} "all" includes canceled ones, null means every status but canceled (Stripe's default).
   */
  /** A subscription the billing clock must act on, at {@code at}. */
  record Due(String id, Scope scope, Instant at) {}

  /** Up to {@code limit} subscriptions of a due partition ({@link TableLayout#duePk}) due at or before {@code upTo}, earliest first. */
  List<Due> due(String duePk, Instant upTo, int limit);

  ListPage<Subscription> list(Scope scope, String customer, String status, String price, ListRequest request);
}
