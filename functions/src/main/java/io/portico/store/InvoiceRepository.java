package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Invoice;
import io.portico.domain.Scope;

public interface InvoiceRepository {
  Versioned<Invoice> find(Scope scope, String id);

  /** The invoice whose PDF link carries {@code token}, with the account it belongs to; null when none. */
  PdfLink findByPdfToken(String token);

  record PdfLink(Scope scope, Invoice invoice) {}

  void stageInsert(Changes changes, Scope scope, Invoice invoice, long createdMs, Event event);

  void stageReplace(Changes changes, Scope scope, Versioned<Invoice> previous, Invoice invoice, Event event);

  /** Stages the marker that lets the invoice's PDF link find it. */
  void stagePdfToken(Changes changes, Scope scope, String token, String invoiceId);

  /**
   * Stages the claim of an invoice for one collection attempt: its version (so a racing change
   * loses) and a lock item that expires after a few minutes (so a crashed collector does not block
   * the invoice forever).
   */
  void stageCollectionLock(Changes changes, Scope scope, Versioned<Invoice> invoice, java.time.Instant now);

  void stageCollectionUnlock(Changes changes, Scope scope, String invoiceId);

  /** A customer's finalized invoices (every status but draft), newest first: what the customer sees. */
  ListPage<Invoice> listFinalized(Scope scope, String customer, ListRequest request);

  /** Newest first; each filter may be null. */
  ListPage<Invoice> list(Scope scope, String customer, String subscription, String status, String collectionMethod, ListRequest request);
}
