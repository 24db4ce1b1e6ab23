package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Invoice;
import io.portico.domain.Scope;

public interface InvoiceRepository {
  Versioned<Invoice> find(Scope scope, String id);

  /** The invoice whose PDF link carries {@code token}; null when none. */
  Versioned<Invoice> findByPdfToken(String token);

  void stageInsert(Changes changes, Scope scope, Invoice invoice, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<Invoice> previous, Invoice invoice, Event event);

  /** Stages the marker that lets the invoice's PDF link find it. */
  void stagePdfToken(Changes changes, Scope scope, String token, String invoiceId);

  /** Newest first; each filter may be null. */
  ListPage<Invoice> list(Scope scope, String customer, String subscription, String status, String collectionMethod, ListRequest request);
}
