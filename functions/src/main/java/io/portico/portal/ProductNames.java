package io.portico.portal;

import io.portico.domain.Product;
import io.portico.domain.Scope;
import io.portico.store.ProductRepository;
import io.portico.store.Versioned;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Product names for the portal's pages (a subscription shows its plan's name), kept for a minute
 * per function instance: home data stays within its two DynamoDB round trips when warm, and a
 * renamed product shows its new name within a minute.
 */
@Singleton
public class ProductNames {
  static final long KEEP_MS = 60_000;
  private static final int MAX_KEPT = 10_000;
  private final ProductRepository products;
  private final Clock clock;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  private record Kept(String name, long until) {}

  public ProductNames(ProductRepository products, Clock clock) {
    this.products = products;
    this.clock = clock;
  }

  /** Each product's name (its id when it no longer exists), in the order asked. */
  public Map<String, String> of(Scope scope, Collection<String> ids) {
    long now = clock.millis();
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : ids) {
      if (names.containsKey(id)) continue;
      String key = scope.key() + "/" + id;
      Kept k = kept.get(key);
      if (k == null || k.until() < now) {
        Versioned<Product> p = products.find(scope, id);
        k = new Kept(p == null ? id : p.value().name(), now + KEEP_MS);
        if (kept.size() >= MAX_KEPT) kept.clear();
        kept.put(key, k);
      }
      names.put(id, k.name());
    }
    return names;
  }
}
