package io.portico.store;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item written inside a transaction: a put (with the condition that makes it safe under
 * concurrency), a delete when {@code deletePk} is set, or, when {@code checkPk} is set, no write at
 * all but a condition on an item the transaction depends on.
 */
public record Write(EnhancedDocument item, Expression condition, boolean sessionsTable, String deletePk, String checkPk) {

  public Write(EnhancedDocument item, Expression condition) {
    this(item, condition, false, null, null);
  }

  /** Creates the item; fails if an item with this key exists. */
  public static Write insert(EnhancedDocument item) {
    return new Write(item, Expression.builder().expression("attribute_not_exists(pk)").build());
  }

  /** Replaces the item only if nobody else changed it since it was read at {@code expectedVersion}. */
  public static Write replace(EnhancedDocument item, long expectedVersion) {
    return new Write(item, versionIs(expectedVersion));
  }

  /**
   * Writes nothing, but the transaction only goes through if item {@code pk} is still at
   * {@code expectedVersion}: for an object a change was decided on without changing it (the
   * customer a payment method is attached to).
   */
  public static Write unchanged(String pk, long expectedVersion) {
    return new Write(null, versionIs(expectedVersion), false, null, pk);
  }

  private static Expression versionIs(long expectedVersion) {
    return Expression.builder()
        .expression("#v = :expected")
        .expressionNames(Map.of("#v", TableLayout.VERSION))
        .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
        .build();
  }

  /** Creates the item, or replaces one whose {@code ttl} has passed (a lock left by a crashed writer). */
  public static Write insertUnlessExpired(EnhancedDocument item, long nowSeconds) {
    return new Write(item, Expression.builder()
        .expression("attribute_not_exists(pk) OR #ttl < :now")
        .expressionNames(Map.of("#ttl", TableLayout.TTL))
        .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(nowSeconds))))
        .build());
  }

  /** Puts the item whatever is there (markers whose owner was checked in the same transaction). */
  public static Write overwrite(EnhancedDocument item) {
    return new Write(item, null);
  }

  /** Writes nothing, but the transaction only goes through if item {@code pk} (billing table) meets {@code condition}. */
  public static Write holds(String pk, Expression condition) {
    return new Write(null, condition, false, null, pk);
  }

  public static Write delete(String pk) {
    return new Write(null, null, false, pk, null);
  }

  /** The same write aimed at the sessions table (so a session and its event share one transaction). */
  public Write inSessionsTable() {
    return new Write(item, condition, true, deletePk, checkPk);
  }
}
