package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import io.portico.domain.SubscriptionSchedule;

public interface SubscriptionScheduleRepository {
  Versioned<SubscriptionSchedule> find(Scope scope, String id);

  void stageInsert(Changes changes, Scope scope, SubscriptionSchedule schedule, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<SubscriptionSchedule> previous, SubscriptionSchedule schedule, Event event);

  /** Newest first; {@code customer} and {@code status} (when not null) narrow the list. */
  ListPage<SubscriptionSchedule> list(Scope scope, String customer, String status, ListRequest request);
}
