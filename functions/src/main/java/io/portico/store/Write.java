package io.portico.store;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item written inside a transaction: a put (with the condition that makes it safe under
 * concurrency) or, when {@code deletePk} is set, a delete.
 */
public record Write(EnhancedDocument item, Expression condition, boolean sessionsTable, String deletePk) {

  public Write(EnhancedDocument item, Expression condition) {
    this(item, condition, false, null);
  }

  /** Creates the item; fails if an item with this key exists. */
  public static Write insert(EnhancedDocument item) {
    return new Write(item, Expression.builder().expression("attribute_not_exists(pk)").build());
  }

  /** Replaces the item only if nobody else changed it since it was read at {@code expectedVersion}. */
  public static Write replace(EnhancedDocument item, long expectedVersion) {
    return new Write(item, Expression.builder()
        .expression("#v = :expected")
        .expressionNames(Map.of("#v", TableLayout.VERSION))
        .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
        .build());
  }

  /** Puts the item whatever is there (markers whose owner was checked in the same transaction). */
  public static Write overwrite(EnhancedDocument item) {
    return new Write(item, null);
  }

  public static Write delete(String pk) {
    return new Write(null, null, false, pk);
  }

  /** The same write aimed at the sessions table (so a session and its event share one transaction). */
  public Write inSessionsTable() {
    return new Write(item, condition, true, deletePk);
  }
}
