package io.portico.store;

import io.portico.domain.InvoiceItem;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Pending invoice items are found per subscription through {@value TableLayout#BY_LOOKUP}
 * ({@code lookup_pk = <scope>#invoiceitem#pending#<subscription>}); an item leaves that partition
 * when it is put on an invoice.
 */
@Singleton
public class DynamoInvoiceItemRepository extends DynamoObjects<InvoiceItem> implements InvoiceItemRepository {
  public DynamoInvoiceItemRepository(BillingTable table) {
    super(table, InvoiceItem.OBJECT, InvoiceItem.class);
  }

  @Override
  protected String id(InvoiceItem i) {
    return i.id();
  }

  @Override
  protected void decorate(Scope scope, InvoiceItem i, EnhancedDocument.Builder item) {
    if (i.invoice() == null && i.subscriptionId() != null) item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "pending", i.subscriptionId()));
  }

  @Override
  public List<Versioned<InvoiceItem>> pending(Scope scope, String subscription) {
    List<String> pks = new ArrayList<>();
    QueryEnhancedRequest q = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(lookupPk(scope, "pending", subscription)).build()))
        .scanIndexForward(true).limit(PENDING_LIMIT).build();
    for (var page : table.index(TableLayout.BY_LOOKUP).query(q)) {
      for (EnhancedDocument doc : page.items()) {
        if (pks.size() < PENDING_LIMIT) pks.add(doc.getString(TableLayout.PK));
      }
      if (pks.size() == PENDING_LIMIT) break;
    }
    // The index is eventually consistent: re-read the items, all in one batch, so each version is current
    // and an item invoiced meanwhile is left out.
    List<Versioned<InvoiceItem>> out = new ArrayList<>();
    for (Versioned<InvoiceItem> item : table.findAllByPk(scope, InvoiceItem.OBJECT, pks, InvoiceItem.class)) {
      if (item.value().invoice() == null) out.add(item);
    }
    return out;
  }

  /** A transaction's size (see {@link InvoiceItemRepository#pending}), and one batch read. */
  private static final int PENDING_LIMIT = 100;
}
