package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Product;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;

@Singleton
public class DynamoProductRepository extends DynamoObjects<Product> implements ProductRepository {
  public DynamoProductRepository(BillingTable table) {
    super(table, Product.OBJECT, Product.class);
  }

  @Override
  protected String id(Product p) {
    return p.id();
  }

  @Override
  public ListPage<Product> list(Scope scope, Boolean active, Boolean shippable, ListRequest request) {
    return listAll(scope, request, new DataFilter().eq("active", active).eq("shippable", shippable).build());
  }
}
