package io.portico.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoIdempotencyRepository implements IdempotencyRepository {
  private final SessionsTable table;

  public DynamoIdempotencyRepository(SessionsTable table) {
    this.table = table;
  }

  @Override
  public Claim claim(String scopeKey, String key, String fingerprint, Instant now) {
    String pk = TableLayout.idempotencyPk(scopeKey, key);
    long nowSeconds = now.getEpochSecond();
    EnhancedDocument claim = SessionsTable.item(pk)
        .putString("fingerprint", fingerprint)
        .putString("state", "in_progress")
        .putNumber("locked_until", nowSeconds + LOCK_SECONDS)
        .putNumber(TableLayout.TTL, nowSeconds + KEEP_SECONDS)
        .build();
    // Free when absent, past its 24 h (TTL deletes late), or abandoned mid-request by a crashed function.
    boolean claimed = table.put(claim, Expression.builder()
        .expression("attribute_not_exists(pk) OR #ttl < :now OR (#state = :in_progress AND locked_until < :now AND fingerprint = :fp)")
        .expressionNames(Map.of("#ttl", TableLayout.TTL, "#state", "state"))
        .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(nowSeconds)), ":in_progress", AttributeValue.fromS("in_progress"),
            ":fp", AttributeValue.fromS(fingerprint)))
        .build());
    if (claimed) return new Claimed();
    EnhancedDocument existing = table.get(pk);
    if (existing == null) return claim(scopeKey, key, fingerprint, now); // deleted between our two calls
    if (!fingerprint.equals(existing.getString("fingerprint"))) return new Mismatch();
    if ("in_progress".equals(existing.getString("state"))) return new InProgress();
    return new Replay(existing.getNumber("status").intValue(), existing.getString("body"));
  }

  @Override
  public void complete(String scopeKey, String key, String fingerprint, int status, String body, Instant now) {
    table.put(SessionsTable.item(TableLayout.idempotencyPk(scopeKey, key))
        .putString("fingerprint", fingerprint)
        .putString("state", "done")
        .putNumber("status", status)
        .putString("body", body)
        .putNumber(TableLayout.TTL, now.getEpochSecond() + KEEP_SECONDS)
        .build(), null);
  }

  @Override
  public void release(String scopeKey, String key) {
    table.delete(TableLayout.idempotencyPk(scopeKey, key));
  }
}
