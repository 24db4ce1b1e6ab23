package io.portico.store;

import io.portico.domain.Scope;
import io.portico.domain.TaxId;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** A tax ID carries {@code lookup_pk = <scope>#tax_id#customer#<customer>} and its customer's owner keys (rank 3). */
@Singleton
public class DynamoTaxIdRepository extends DynamoObjects<TaxId> implements TaxIdRepository {
  /** Where the portal home lists tax IDs: after payment methods (2), before invoices (4). */
  static final int OWNER_RANK = 3;

  public DynamoTaxIdRepository(BillingTable table) {
    super(table, TaxId.OBJECT, TaxId.class);
  }

  @Override
  protected String id(TaxId t) {
    return t.id();
  }

  @Override
  protected Owner owner(TaxId t) {
    return new Owner(t.customer(), OWNER_RANK);
  }

  @Override
  protected void decorate(Scope scope, TaxId t, EnhancedDocument.Builder item) {
    item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "customer", t.customer()));
  }

  @Override
  public ListPage<TaxId> list(Scope scope, String customer, ListRequest request) {
    return listByLookup(scope, "customer", customer, request, null);
  }
}
