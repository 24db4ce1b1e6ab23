package io.portico.store;

import io.portico.domain.Customer;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoCustomerRepository extends DynamoObjects<Customer> implements CustomerRepository {
  public DynamoCustomerRepository(BillingTable table) {
    super(table, Customer.OBJECT, Customer.class);
  }

  @Override
  protected String id(Customer c) {
    return c.id();
  }

  @Override
  protected Owner owner(Customer c) {
    return new Owner(c.id(), 0);
  }

  @Override
  protected void decorate(Scope scope, Customer c, EnhancedDocument.Builder item) {
    if (c.email() != null) item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "email", c.email()));
  }

  @Override
  public Write exists(Scope scope, String id) {
    return Write.holds(TableLayout.objectPk(scope.key(), Customer.OBJECT, id), Expression.builder()
        .expression("#kind = :kind AND #scope = :scope AND (attribute_not_exists(deleted) OR deleted = :false)")
        .expressionNames(Map.of("#kind", TableLayout.KIND, "#scope", TableLayout.SCOPE))
        .expressionValues(Map.of(":kind", AttributeValue.fromS(Customer.OBJECT), ":scope", AttributeValue.fromS(scope.key()),
            ":false", AttributeValue.fromBool(false)))
        .build());
  }

  @Override
  public ListPage<Customer> list(Scope scope, String email, ListRequest request) {
    return email != null ? listByLookup(scope, "email", email, request, null) : listAll(scope, request, null);
  }
}
