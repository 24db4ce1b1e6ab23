package io.portico.store;

import io.portico.domain.BillingCalendar;
import io.portico.domain.Scope;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Subscriptions are listed per customer through {@value TableLayout#BY_LOOKUP}; each item also
 * carries {@code prices} (a string set of its items' prices) so the {@code price} filter is a
 * server-side {@code contains}.
 */
@Singleton
public class DynamoSubscriptionRepository extends DynamoObjects<Subscription> implements SubscriptionRepository {
  public DynamoSubscriptionRepository(BillingTable table) {
    super(table, Subscription.OBJECT, Subscription.class);
  }

  @Override
  protected String id(Subscription s) {
    return s.id();
  }

  @Override
  protected Owner owner(Subscription s) {
    // An ended subscription leaves the portal's home page (it stays in the merchant's lists).
    return Set.of("canceled", "incomplete_expired").contains(s.status()) ? null : new Owner(s.customerId(), 1);
  }

  @Override
  protected void decorate(Scope scope, Subscription s, EnhancedDocument.Builder item) {
    item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "customer", s.customerId()));
    Set<String> prices = new LinkedHashSet<>();
    for (SubscriptionItem i : s.items().data()) prices.add(i.price().id());
    if (!prices.isEmpty()) item.putStringSet("prices", prices);
    item.putString("status", s.status());
    BillingCalendar.nextEvent(s).ifPresent(at -> item.putString(TableLayout.DUE_PK, TableLayout.duePk(s.id(), s.testClock()))
        .putNumber(TableLayout.DUE_AT, at.getEpochSecond()));
  }

  @Override
  public ListPage<Subscription> list(Scope scope, String customer, String status, String price, ListRequest request) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder expression = new StringBuilder();
    if (status == null) {
      expression.append("#status <> :canceled");
      values.put(":canceled", AttributeValue.fromS("canceled"));
      names.put("#status", "status");
    } else if (!status.equals("all")) {
      expression.append("#status = :status");
      values.put(":status", AttributeValue.fromS(status));
      names.put("#status", "status");
    }
    if (price != null) {
      if (!expression.isEmpty()) expression.append(" AND ");
      expression.append("contains(prices, :price)");
      values.put(":price", AttributeValue.fromS(price));
    }
    Expression filter = expression.isEmpty() ? null
        : Expression.builder().expression(expression.toString()).expressionNames(names.isEmpty() ? null : names).expressionValues(values).build();
    return customer != null ? listByLookup(scope, "customer", customer, request, filter) : listAll(scope, request, filter);
  }
}
