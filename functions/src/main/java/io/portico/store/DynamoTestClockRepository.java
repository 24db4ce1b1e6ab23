package io.portico.store;

import io.portico.domain.Scope;
import io.portico.domain.TestClock;
import jakarta.inject.Singleton;

@Singleton
public class DynamoTestClockRepository extends DynamoObjects<TestClock> implements TestClockRepository {
  public DynamoTestClockRepository(BillingTable table) {
    super(table, TestClock.OBJECT, TestClock.class);
  }

  @Override
  protected String id(TestClock c) {
    return c.id();
  }

  @Override
  public ListPage<TestClock> list(Scope scope, ListRequest request) {
    return listAll(scope, request, null);
  }
}
