package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PortalSession;
import io.portico.domain.Scope;
import io.portico.domain.SessionLifetime;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoSessionRepository implements SessionRepository {
  private final SessionsTable table;
  private final BillingTable billing;

  public DynamoSessionRepository(SessionsTable table, BillingTable billing) {
    this.table = table;
    this.billing = billing;
  }

  @Override
  public void insert(StoredSession s, Event created, List<Write> alsoWrite) {
    // alsoWrite first, so a failed condition's position in the transaction is its position there
    List<Write> writes = new ArrayList<>(alsoWrite);
    writes.add(Write.insert(item(s, s.lifetime())).inSessionsTable());
    writes.add(EventItems.insert(s.scope(), created));
    billing.write(writes);
  }

  @Override
  public StoredSession find(String tokenHash) {
    EnhancedDocument doc = table.get(TableLayout.sessionPk(tokenHash));
    if (doc == null) return null;
    Scope scope = Scopes.parse(doc.getString(TableLayout.SCOPE));
    SessionLifetime lifetime = new SessionLifetime(instant(doc, "created_ms"), instant(doc, "opened_ms"), instant(doc, "last_activity_ms"));
    return new StoredSession(tokenHash, scope, Json.read(doc.getJson(TableLayout.DATA), PortalSession.class), lifetime);
  }

  @Override
  public boolean touch(StoredSession s, Instant now) {
    // Conditional on the stored expiry still being ahead of now, so a late request cannot revive an expired session.
    return table.put(item(s, s.lifetime().touchedAt(now)), SessionsTable.condition("expires_ms > :now",
        Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
  }

  private static EnhancedDocument item(StoredSession s, SessionLifetime lifetime) {
    Instant expires = lifetime.expiresAt();
    EnhancedDocument.Builder b = SessionsTable.item(TableLayout.sessionPk(s.tokenHash()))
        .putString(TableLayout.KIND, PortalSession.OBJECT)
        .putString(TableLayout.SCOPE, s.scope().key())
        .putString("customer", s.session().customer())
        .putJson(TableLayout.DATA, Json.write(s.session()))
        .putNumber("created_ms", lifetime.created().toEpochMilli())
        .putNumber("expires_ms", expires.toEpochMilli())
        // TTL is in seconds; round up so the cleanup never precedes the expiry.
        .putNumber(TableLayout.TTL, (expires.toEpochMilli() + 999) / 1000);
    if (lifetime.opened()) {
      b.putNumber("opened_ms", lifetime.openedAt().toEpochMilli()).putNumber("last_activity_ms", lifetime.lastActivity().toEpochMilli());
    }
    return b.build();
  }

  private static Instant instant(EnhancedDocument doc, String attribute) {
    return doc.isPresent(attribute) && !doc.isNull(attribute) ? Instant.ofEpochMilli(doc.getNumber(attribute).longValue()) : null;
  }
}
