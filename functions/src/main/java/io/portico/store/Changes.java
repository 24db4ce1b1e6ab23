package io.portico.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * A unit of work: repositories stage their writes (objects, markers, events) here and
 * {@link #commit()} writes them all in one DynamoDB transaction, or none. Services use it when one
 * request changes several objects (a price created with its product, later a subscription with its
 * invoice).
 */
public final class Changes {
  private final BillingTable table;
  final List<Write> writes = new ArrayList<>();
  /** Marker items (e.g. a lookup key) this unit of work takes from their current holder. */
  private final Set<String> releasedMarkers = new HashSet<>();

  Changes(BillingTable table) {
    this.table = table;
  }

  void add(Write w) {
    writes.add(w);
  }

  /** Stages an event that is not the creation or replacement of one object (invoice.finalized, invoice.paid). */
  public void event(io.portico.domain.Scope scope, io.portico.domain.Event event) {
    writes.add(EventItems.insert(scope, event));
  }

  void released(String markerPk) {
    releasedMarkers.add(markerPk);
  }

  /** Claims a marker: it must be free, unless this unit of work released it from its holder. */
  void claim(EnhancedDocument marker) {
    writes.add(releasedMarkers.contains(marker.getString(TableLayout.PK)) ? Write.overwrite(marker) : Write.insert(marker));
  }

  /** Throws {@link ConcurrentUpdateException} when any condition failed; then nothing was written. */
  public void commit() {
    if (writes.size() > 100) throw new IllegalStateException("a DynamoDB transaction holds at most 100 writes, not " + writes.size());
    table.write(writes);
  }
}
