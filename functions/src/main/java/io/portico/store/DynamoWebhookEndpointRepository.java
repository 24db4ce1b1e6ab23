package io.portico.store;

import io.portico.domain.Scope;
import io.portico.domain.WebhookEndpoint;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoWebhookEndpointRepository implements WebhookEndpointRepository {
  private final BillingTable table;

  public DynamoWebhookEndpointRepository(BillingTable table) {
    this.table = table;
  }

  @Override
  public Versioned<WebhookEndpoint> find(Scope scope, String id) {
    return table.find(scope, WebhookEndpoint.OBJECT, id, WebhookEndpoint.class);
  }

  @Override
  public void insert(Scope scope, WebhookEndpoint endpoint, long createdMs) {
    table.write(List.of(Write.insert(BillingTable.objectItem(scope, WebhookEndpoint.OBJECT, endpoint.id(), createdMs, 1, endpoint).build())));
  }

  @Override
  public void replace(Scope scope, Versioned<WebhookEndpoint> previous, WebhookEndpoint endpoint) {
    table.write(List.of(Write.replace(BillingTable.objectItem(scope, WebhookEndpoint.OBJECT, endpoint.id(), previous.createdMs(),
        previous.version() + 1, endpoint).build(), previous.version())));
  }

  @Override
  public void delete(Scope scope, Versioned<WebhookEndpoint> previous) {
    // Conditional on the version read, so a concurrent update is not silently lost under a delete.
    table.write(List.of(new Write(null, Expression.builder().expression("#v = :v").expressionNames(Map.of("#v", TableLayout.VERSION))
        .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(previous.version())))).build(), false, previous.value().id(), null)));
  }

  @Override
  public ListPage<WebhookEndpoint> list(Scope scope, ListRequest request) {
    return table.list(scope, WebhookEndpoint.OBJECT, TableLayout.BY_LIST, TableLayout.listPk(scope.key(), WebhookEndpoint.OBJECT), request, null,
        WebhookEndpoint.class);
  }

  @Override
  public List<WebhookEndpoint> all(Scope scope) {
    List<WebhookEndpoint> out = new ArrayList<>();
    QueryEnhancedRequest q = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(TableLayout.listPk(scope.key(), WebhookEndpoint.OBJECT)).build()))
        .build();
    for (var page : table.index(TableLayout.BY_LIST).query(q)) {
      for (EnhancedDocument doc : page.items()) out.add(BillingTable.versioned(doc, WebhookEndpoint.class).value());
    }
    return out;
  }
}
