package io.portico.store;

import io.portico.domain.Scope;
import io.portico.domain.SubscriptionSchedule;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Schedules are listed per customer through {@value TableLayout#BY_LOOKUP}; {@code status} is an attribute for the filters. */
@Singleton
public class DynamoSubscriptionScheduleRepository extends DynamoObjects<SubscriptionSchedule> implements SubscriptionScheduleRepository {
  public DynamoSubscriptionScheduleRepository(BillingTable table) {
    super(table, SubscriptionSchedule.OBJECT, SubscriptionSchedule.class);
  }

  @Override
  protected String id(SubscriptionSchedule s) {
    return s.id();
  }

  @Override
  protected void decorate(Scope scope, SubscriptionSchedule s, EnhancedDocument.Builder item) {
    item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "customer", s.customer()));
    item.putString("status", s.status());
  }

  @Override
  public ListPage<SubscriptionSchedule> list(Scope scope, String customer, String status, ListRequest request) {
    Expression filter = status == null ? null : Expression.builder().expression("#status = :status")
        .expressionNames(Map.of("#status", "status")).expressionValues(Map.of(":status", AttributeValue.fromS(status))).build();
    return customer != null ? listByLookup(scope, "customer", customer, request, filter) : listAll(scope, request, filter);
  }
}
