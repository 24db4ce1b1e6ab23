package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Price;
import io.portico.domain.Scope;

/**
 * Prices. A lookup key is unique per account and mode: staging a price whose key is new claims
 * it (the commit fails if another price holds it), and a changed key frees the old one.
 */
public interface PriceRepository {
  Versioned<Price> find(Scope scope, String id);

  void stageInsert(Changes changes, Scope scope, Price price, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<Price> previous, Price price, Event event);

  /** Stages moving {@code lookupKey} away from the price holding it now (Stripe's transfer_lookup_key). */
  void stageReleaseLookupKey(Changes changes, Scope scope, Versioned<Price> holder, Event event);

  /** The price holding {@code lookupKey} in this account, or null. */
  Versioned<Price> findByLookupKey(Scope scope, String lookupKey);

  /** Newest first; {@code product} (may be null) narrows to one product's prices, the rest filter. */
  ListPage<Price> list(Scope scope, String product, Boolean active, String type, String currency, String interval, String usageType,
      ListRequest request);
}
