package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import io.portico.domain.WebhookDelivery;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoWebhookDeliveryRepository implements WebhookDeliveryRepository {
  private static final String STATUS = "delivery_status";
  private final BillingTable table;

  public DynamoWebhookDeliveryRepository(BillingTable table) {
    this.table = table;
  }

  @Override
  public Versioned<WebhookDelivery> find(Scope scope, String id) {
    return table.find(scope, WebhookDelivery.OBJECT, id, WebhookDelivery.class);
  }

  @Override
  public Versioned<WebhookDelivery> insertClaimed(Scope scope, WebhookDelivery delivery, Instant leaseUntil) {
    try {
      table.write(List.of(Write.insert(item(scope, delivery, delivery.created() * 1000, 1, leaseUntil))));
      return new Versioned<>(delivery, 1, delivery.created() * 1000, false);
    } catch (ConcurrentUpdateException exists) {
      return null;
    }
  }

  @Override
  public Versioned<WebhookDelivery> claim(Scope scope, Versioned<WebhookDelivery> read, Instant leaseUntil) {
    try {
      table.write(List.of(Write.replace(item(scope, read.value(), read.createdMs(), read.version() + 1, leaseUntil), read.version())));
      return new Versioned<>(read.value(), read.version() + 1, read.createdMs(), false);
    } catch (ConcurrentUpdateException lost) {
      return null;
    }
  }

  @Override
  public boolean record(Scope scope, Versioned<WebhookDelivery> claimed, WebhookDelivery after) {
    Instant next = after.nextAttempt() == null ? null : Instant.ofEpochSecond(after.nextAttempt());
    try {
      table.write(List.of(Write.replace(item(scope, after, claimed.createdMs(), claimed.version() + 1, next), claimed.version())));
      return true;
    } catch (ConcurrentUpdateException lost) {
      return false;
    }
  }

  @Override
  public ListPage<WebhookDelivery> listForEndpoint(Scope scope, String endpointId, String status, ListRequest request) {
    Expression filter = status == null ? null : Expression.builder().expression("#s = :s").expressionNames(Map.of("#s", STATUS))
        .expressionValues(Map.of(":s", AttributeValue.fromS(status))).build();
    return table.list(scope, WebhookDelivery.OBJECT, TableLayout.BY_LOOKUP,
        TableLayout.lookupPk(scope.key(), WebhookDelivery.OBJECT, "endpoint", endpointId), request, filter, WebhookDelivery.class);
  }

  /** {@code dueAt}: when the billing table's due index should hand it to a retry run (null: never again). */
  private static EnhancedDocument item(Scope scope, WebhookDelivery d, long createdMs, long version, Instant dueAt) {
    EnhancedDocument.Builder b = BillingTable.objectItem(scope, WebhookDelivery.OBJECT, d.id(), createdMs, version, d)
        .putString(TableLayout.LOOKUP_PK, TableLayout.lookupPk(scope.key(), WebhookDelivery.OBJECT, "endpoint", d.webhookEndpoint()))
        .putString(STATUS, d.status())
        .putNumber(TableLayout.TTL, d.created() + Event.RETENTION_SECONDS);
    if (dueAt != null) b.putString(TableLayout.DUE_PK, TableLayout.webhookDuePk(d.id())).putNumber(TableLayout.DUE_AT, dueAt.getEpochSecond());
    return b.build();
  }
}
