package io.portico.store;

import io.portico.domain.Customer;
import io.portico.domain.Event;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

@Singleton
public class DynamoCustomerRepository implements CustomerRepository {
  private final BillingTable table;

  public DynamoCustomerRepository(BillingTable table) {
    this.table = table;
  }

  @Override
  public Versioned<Customer> find(Scope scope, String id) {
    return table.find(scope, Customer.OBJECT, id, Customer.class);
  }

  @Override
  public void insert(Scope scope, Customer customer, long createdMs, Event event) {
    table.write(List.of(Write.insert(item(scope, customer, createdMs, 1)), EventItems.insert(scope, event)));
  }

  @Override
  public void replace(Scope scope, Versioned<Customer> previous, Customer customer, Event event) {
    table.write(List.of(Write.replace(item(scope, customer, previous.createdMs(), previous.version() + 1), previous.version()),
        EventItems.insert(scope, event)));
  }

  @Override
  public void markDeleted(Scope scope, Versioned<Customer> previous, Event event) {
    EnhancedDocument tombstone = BillingTable.objectItem(scope, Customer.OBJECT, previous.value().id(), previous.createdMs(),
            previous.version() + 1, previous.value(), false)
        .putBoolean("deleted", true)
        .build();
    table.write(List.of(Write.replace(tombstone, previous.version()), EventItems.insert(scope, event)));
  }

  @Override
  public ListPage<Customer> list(Scope scope, String email, ListRequest request) {
    if (email != null) {
      return table.list(scope, Customer.OBJECT, TableLayout.BY_LOOKUP,
          TableLayout.lookupPk(scope.key(), Customer.OBJECT, "email", email), request, null, Customer.class);
    }
    return table.list(scope, Customer.OBJECT, TableLayout.BY_LIST, TableLayout.listPk(scope.key(), Customer.OBJECT), request, null,
        Customer.class);
  }

  private static EnhancedDocument item(Scope scope, Customer c, long createdMs, long version) {
    EnhancedDocument.Builder b = BillingTable.objectItem(scope, Customer.OBJECT, c.id(), createdMs, version, c);
    if (c.email() != null) b.putString(TableLayout.LOOKUP_PK, TableLayout.lookupPk(scope.key(), Customer.OBJECT, "email", c.email()));
    return b.build();
  }
}
