package io.portico.store;

import io.portico.domain.Invoice;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Invoices are listed per customer through {@value TableLayout#BY_LOOKUP}; PDF links resolve through marker items. */
@Singleton
public class DynamoInvoiceRepository extends DynamoObjects<Invoice> implements InvoiceRepository {
  /** Longer than any charge takes; short enough that a crashed collector's claim frees itself soon. */
  private static final long COLLECTION_LOCK_SECONDS = 300;

  public DynamoInvoiceRepository(BillingTable table) {
    super(table, Invoice.OBJECT, Invoice.class);
  }

  @Override
  protected String id(Invoice i) {
    return i.id();
  }

  @Override
  protected Owner owner(Invoice i) {
    // Drafts are the merchant's work in progress; the customer sees an invoice once it is finalized.
    return "draft".equals(i.status()) ? null : new Owner(i.customer(), 4);
  }

  @Override
  protected void decorate(Scope scope, Invoice i, EnhancedDocument.Builder item) {
    item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "customer", i.customer()));
    // An automatic collection that failed is retried by the billing clock at next_payment_attempt.
    if (i.status().equals("open") && "charge_automatically".equals(i.collectionMethod()) && i.nextPaymentAttempt() != null) {
      item.putString(TableLayout.DUE_PK, TableLayout.duePk(i.id(), i.testClock())).putNumber(TableLayout.DUE_AT, i.nextPaymentAttempt());
    }
  }

  @Override
  public PdfLink findByPdfToken(String token) {
    EnhancedDocument marker = table.get(TableLayout.invoicePdfPk(token));
    if (marker == null) return null;
    Scope scope = Scopes.parse(marker.getString(TableLayout.SCOPE));
    Versioned<Invoice> invoice = find(scope, marker.getString("invoice"));
    return invoice == null ? null : new PdfLink(scope, invoice.value());
  }

  @Override
  public void stageCollectionLock(Changes changes, Scope scope, Versioned<Invoice> invoice, java.time.Instant now) {
    changes.add(Write.replace(item(scope, invoice.value(), invoice.createdMs(), invoice.version() + 1), invoice.version()));
    changes.add(Write.insertUnlessExpired(EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.invoiceCollectionPk(invoice.value().id()))
        .putString(TableLayout.KIND, "invoice_collection")
        .putString(TableLayout.SCOPE, scope.key())
        .putNumber(TableLayout.TTL, now.getEpochSecond() + COLLECTION_LOCK_SECONDS)
        .build(), now.getEpochSecond()));
  }

  @Override
  public void stageCollectionUnlock(Changes changes, Scope scope, String invoiceId) {
    changes.add(Write.delete(TableLayout.invoiceCollectionPk(invoiceId)));
  }

  @Override
  public void stagePdfToken(Changes changes, Scope scope, String token, String invoiceId) {
    changes.add(Write.insert(EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.invoicePdfPk(token))
        .putString(TableLayout.KIND, "invoice_pdf")
        .putString(TableLayout.SCOPE, scope.key())
        .putString("invoice", invoiceId)
        .build()));
  }

  @Override
  public ListPage<Invoice> listFinalized(Scope scope, String customer, ListRequest request) {
    return listByLookup(scope, "customer", customer, request, new DataFilter().notEq("status", "draft").build());
  }

  @Override
  public ListPage<Invoice> list(Scope scope, String customer, String subscription, String status, String collectionMethod,
      ListRequest request) {
    var filter = new DataFilter().eq("status", status).eq("parent.subscription_details.subscription", subscription)
        .eq("collection_method", collectionMethod).build();
    return customer != null ? listByLookup(scope, "customer", customer, request, filter) : listAll(scope, request, filter);
  }
}
