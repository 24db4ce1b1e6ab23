package io.portico.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.domain.Scope;
import java.time.Instant;
import java.util.List;

/** Events as written by the changes they describe (see {@link EventItems}); read-only here. */
public interface EventRepository {
  /** The event as stored (Stripe's JSON); null when unknown, past its 30 days at {@code now}, or someone else's. */
  JsonNode find(Scope scope, String id, Instant now);

  /**
   * Newest first, with Stripe's cursors; {@code types} (null: every type) are queried one by one
   * and merged, {@code created} (may be null) bounds the sort key, so no filter reads what it drops.
   */
  ListPage<JsonNode> list(Scope scope, List<String> types, TimeRange created, ListRequest request);
}
