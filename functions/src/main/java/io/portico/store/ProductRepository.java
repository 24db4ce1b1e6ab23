package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Product;
import io.portico.domain.Scope;

public interface ProductRepository {
  Versioned<Product> find(Scope scope, String id);

  /** Throws {@link ConcurrentUpdateException} when a product with this id exists (custom ids are allowed). */
  void insert(Scope scope, Product product, long createdMs, Event event);

  void replace(Scope scope, Versioned<Product> previous, Product product, Event event);

  void stageInsert(Changes changes, Scope scope, Product product, long createdMs, Event event);

  /** Keeps a tombstone (see {@link CustomerRepository#markDeleted}). */
  void markDeleted(Scope scope, Versioned<Product> previous, Event event);

  /** Newest first; {@code active} and {@code shippable} (each may be null) filter. */
  ListPage<Product> list(Scope scope, Boolean active, Boolean shippable, ListRequest request);
}
