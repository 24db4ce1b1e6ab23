package io.portico.store;

import io.portico.domain.Discount;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;

@Singleton
public class DynamoDiscountRepository extends DynamoObjects<Discount> implements DiscountRepository {
  public DynamoDiscountRepository(BillingTable table) {
    super(table, Discount.OBJECT, Discount.class);
  }

  @Override
  protected String id(Discount d) {
    return d.id();
  }

  @Override
  public void stageRemoval(Changes changes, Scope scope, Versioned<Discount> current, io.portico.domain.Event event) {
    stageMarkDeleted(changes, scope, current, current.value(), event);
  }
}
