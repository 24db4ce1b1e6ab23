package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import io.portico.domain.TestClock;

public interface TestClockRepository {
  Versioned<TestClock> find(Scope scope, String id);

  void insert(Scope scope, TestClock clock, long createdMs, Event event);

  void replace(Scope scope, Versioned<TestClock> previous, TestClock clock, Event event);

  void markDeleted(Scope scope, Versioned<TestClock> previous, Event event);

  ListPage<TestClock> list(Scope scope, ListRequest request);
}
