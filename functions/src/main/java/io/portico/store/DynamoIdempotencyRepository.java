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
    boolean claimed = table.put(claim, free(fingerprint, nowSeconds));
    if (claimed) return new Claimed();
    Claim existing = existing(scopeKey, key, fingerprint);
    return existing instanceof Claimed ? claim(scopeKey, key, fingerprint, now) : existing; // deleted between our two calls
  }

  /** Free when absent, past its 24 h (TTL deletes late), or abandoned mid-request by a crashed function. */
  private static Expression free(String fingerprint, long nowSeconds) {
    return Expression.builder()
        .expression("attribute_not_exists(pk) OR #ttl < :now OR (#state = :in_progress AND locked_until < :now AND fingerprint = :fp)")
        .expressionNames(Map.of("#ttl", TableLayout.TTL, "#state", "state"))
        .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(nowSeconds)), ":in_progress", AttributeValue.fromS("in_progress"),
            ":fp", AttributeValue.fromS(fingerprint)))
        .build();
  }

  @Override
  public Claim existing(String scopeKey, String key, String fingerprint) {
    EnhancedDocument existing = table.get(TableLayout.idempotencyPk(scopeKey, key));
    if (existing == null) return new Claimed();
    if (!fingerprint.equals(existing.getString("fingerprint"))) return new Mismatch();
    if ("in_progress".equals(existing.getString("state"))) return new InProgress();
    return new Replay(existing.getNumber("status").intValue(), existing.getString("body"));
  }

  @Override
  public Write recordInTransaction(String scopeKey, String key, String fingerprint, int status, String body, Instant now) {
    return new Write(done(scopeKey, key, fingerprint, status, body, now), free(fingerprint, now.getEpochSecond())).inSessionsTable();
  }

  @Override
  public void complete(String scopeKey, String key, String fingerprint, int status, String body, Instant now) {
    table.put(done(scopeKey, key, fingerprint, status, body, now), null);
  }

  private static EnhancedDocument done(String scopeKey, String key, String fingerprint, int status, String body, Instant now) {
    return SessionsTable.item(TableLayout.idempotencyPk(scopeKey, key))
        .putString("fingerprint", fingerprint)
        .putString("state", "done")
        .putNumber("status", status)
        .putString("body", body)
        .putNumber(TableLayout.TTL, now.getEpochSecond() + KEEP_SECONDS)
        .build();
  }

  @Override
  public void release(String scopeKey, String key) {
    table.delete(TableLayout.idempotencyPk(scopeKey, key));
  }
}
