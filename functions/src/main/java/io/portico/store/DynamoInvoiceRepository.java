package io.portico.store;

import io.portico.domain.Invoice;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Invoices are listed per customer through {@value TableLayout#BY_LOOKUP}; PDF links resolve through marker items. */
@Singleton
public class DynamoInvoiceRepository extends DynamoObjects<Invoice> implements InvoiceRepository {
  public DynamoInvoiceRepository(BillingTable table) {
    super(table, Invoice.OBJECT, Invoice.class);
  }

  @Override
  protected String id(Invoice i) {
    return i.id();
  }

  @Override
  protected void decorate(Scope scope, Invoice i, EnhancedDocument.Builder item) {
    item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "customer", i.customer()));
  }

  @Override
  public Versioned<Invoice> findByPdfToken(String token) {
    EnhancedDocument marker = table.get(TableLayout.invoicePdfPk(token));
    if (marker == null) return null;
    String scope = marker.getString(TableLayout.SCOPE);
    return find(new Scope(scope.substring(0, scope.lastIndexOf(':')), scope.endsWith(":live")), marker.getString("invoice"));
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
  public ListPage<Invoice> list(Scope scope, String customer, String subscription, String status, String collectionMethod,
      ListRequest request) {
    var filter = new DataFilter().eq("status", status).eq("parent.subscription_details.subscription", subscription)
        .eq("collection_method", collectionMethod).build();
    return customer != null ? listByLookup(scope, "customer", customer, request, filter) : listAll(scope, request, filter);
  }
}
