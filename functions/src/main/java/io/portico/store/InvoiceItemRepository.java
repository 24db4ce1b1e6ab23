package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.InvoiceItem;
import io.portico.domain.Scope;
import java.util.List;

public interface InvoiceItemRepository {
  void stageInsert(Changes changes, Scope scope, InvoiceItem item, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<InvoiceItem> previous, InvoiceItem item, Event event);

  /** A subscription's items still waiting for an invoice, oldest first (at most 100: a transaction's size). */
  List<Versioned<InvoiceItem>> pending(Scope scope, String subscription);
}
