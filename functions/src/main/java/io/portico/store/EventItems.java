package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Events as billing-table items: listed newest first per scope (and per type), expiring after Stripe's 30 days. */
public final class EventItems {
  public static final String KIND = "event";

  private EventItems() {}

  public static Write insert(Scope scope, Event event) {
    EnhancedDocument item = BillingTable.objectItem(scope, KIND, event.id(), event.created() * 1000, 1, event)
        .putString("event_type", event.type())
        .putString(TableLayout.LOOKUP_PK, TableLayout.lookupPk(scope.key(), KIND, "type", event.type()))
        .putNumber(TableLayout.TTL, event.created() + Event.RETENTION_SECONDS)
        .build();
    return Write.insert(item);
  }
}
