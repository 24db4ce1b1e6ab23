package io.portico.store;

import io.portico.domain.Account;
import io.portico.domain.Event;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.domain.Scope;
import io.portico.domain.SessionLifetime;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
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
    writes.add(Write.insert(linkItem(s, s.lifetime(), null)).inSessionsTable());
    writes.add(EventItems.insert(s.scope(), created));
    billing.write(writes);
  }

  @Override
  public StoredSession find(String tokenHash) {
    EnhancedDocument doc = table.get(TableLayout.sessionPk(tokenHash));
    if (doc == null) return null;
    return new StoredSession(tokenHash, Scopes.parse(doc.getString(TableLayout.SCOPE)), Json.read(doc.getJson(TableLayout.DATA), PortalSession.class),
        lifetime(doc), doc.isPresent("credential_hash") ? doc.getString("credential_hash") : null);
  }

  @Override
  public boolean exchange(StoredSession link, PortalAccess access, Instant now) {
    SessionLifetime opened = link.lifetime().touchedAt(now);
    // The link item keeps its own (unopened) expiry: a used link is only kept to tell "already used" from "unknown".
    Write useLink = new Write(linkItem(link, link.lifetime(), access.credentialHash()), unusedAndAlive(now)).inSessionsTable();
    EnhancedDocument credential = withLifetime(SessionsTable.item(TableLayout.portalCredentialPk(access.credentialHash()))
        .putString(TableLayout.KIND, "portal_credential")
        .putString(TableLayout.SCOPE, access.scope().key())
        .putString("customer", access.session().customer())
        .putJson(TableLayout.DATA, Json.write(access.session()))
        .putJson("merchant", Json.write(access.merchant()))
        .putJson("brand", Json.write(access.brand()))
        .putJson("configuration", Json.write(access.configuration())), opened).build();
    try {
      billing.write(List.of(useLink, Write.insert(credential).inSessionsTable()));
      return true;
    } catch (ConcurrentUpdateException e) {
      return false;
    }
  }

  @Override
  public PortalAccess touch(String credentialHash, Instant now) {
    Instant expires = now.plus(SessionLifetime.IDLE);
    EnhancedDocument slide = SessionsTable.item(TableLayout.portalCredentialPk(credentialHash))
        .putNumber("last_activity_ms", now.toEpochMilli())
        .putNumber("expires_ms", expires.toEpochMilli())
        .putNumber(TableLayout.TTL, ttl(expires))
        .build();
    // attribute_exists: an update never creates an item for an unknown credential.
    EnhancedDocument doc = table.update(slide, SessionsTable.condition("attribute_exists(pk) AND expires_ms > :now",
        Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
    if (doc == null) return null;
    return new PortalAccess(credentialHash, Scopes.parse(doc.getString(TableLayout.SCOPE)), Json.read(doc.getJson(TableLayout.DATA), PortalSession.class),
        lifetime(doc), Json.read(doc.getJson("merchant"), Account.class), Json.read(doc.getJson("brand"), Account.class),
        Json.read(doc.getJson("configuration"), PortalConfiguration.class));
  }

  @Override
  public void end(String credentialHash) {
    table.delete(TableLayout.portalCredentialPk(credentialHash));
  }

  private static Expression unusedAndAlive(Instant now) {
    return SessionsTable.condition("attribute_not_exists(credential_hash) AND expires_ms > :now",
        Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))));
  }

  private static EnhancedDocument linkItem(StoredSession s, SessionLifetime lifetime, String credentialHash) {
    EnhancedDocument.Builder b = SessionsTable.item(TableLayout.sessionPk(s.tokenHash()))
        .putString(TableLayout.KIND, PortalSession.OBJECT)
        .putString(TableLayout.SCOPE, s.scope().key())
        .putString("customer", s.session().customer())
        .putJson(TableLayout.DATA, Json.write(s.session()));
    if (credentialHash != null) b.putString("credential_hash", credentialHash);
    return withLifetime(b, lifetime).build();
  }

  private static EnhancedDocument.Builder withLifetime(EnhancedDocument.Builder b, SessionLifetime lifetime) {
    Instant expires = lifetime.expiresAt();
    b.putNumber("created_ms", lifetime.created().toEpochMilli())
        .putNumber("expires_ms", expires.toEpochMilli())
        .putNumber(TableLayout.TTL, ttl(expires));
    if (lifetime.opened()) {
      b.putNumber("opened_ms", lifetime.openedAt().toEpochMilli()).putNumber("last_activity_ms", lifetime.lastActivity().toEpochMilli());
    }
    return b;
  }

  /** TTL is in seconds; rounded up so the cleanup never precedes the expiry. */
  private static long ttl(Instant expires) {
    return (expires.toEpochMilli() + 999) / 1000;
  }

  private static SessionLifetime lifetime(EnhancedDocument doc) {
    return new SessionLifetime(instant(doc, "created_ms"), instant(doc, "opened_ms"), instant(doc, "last_activity_ms"));
  }

  private static Instant instant(EnhancedDocument doc, String attribute) {
    return doc.isPresent(attribute) && !doc.isNull(attribute) ? Instant.ofEpochMilli(doc.getNumber(attribute).longValue()) : null;
  }
}
