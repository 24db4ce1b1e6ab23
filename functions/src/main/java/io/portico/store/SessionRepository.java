package io.portico.store;

import io.portico.domain.Account;
import io.portico.domain.Event;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalSession;
import io.portico.domain.Scope;
import io.portico.domain.SessionLifetime;
import java.time.Instant;
import java.util.List;

/**
 * Portal sessions: the one-time link a merchant hands its customer, and the portal credential the
 * link is exchanged for when first opened (a cookie for the hosted page, or a bearer token for the
 * merchant's own front-end). Only hashes of either secret are stored.
 */
public interface SessionRepository {
  /**
   * A session link: never its token, only the token's hash.
   *
   * @param credentialHash the hash of the credential the link was exchanged for; null while the link is unused
   */
  record StoredSession(String tokenHash, Scope scope, PortalSession session, SessionLifetime lifetime, String credentialHash) {
    public boolean used() {
      return credentialHash != null;
    }
  }

  /**
   * What a portal credential opens: the session, and what the portal shows, as of the exchange
   * (the merchant account, the account whose brand the page wears, and the configuration).
   */
  record PortalAccess(String credentialHash, Scope scope, PortalSession session, SessionLifetime lifetime, Account merchant,
      Account brand, PortalConfiguration configuration) {}

  /** Stores the session and its {@code billing_portal.session.created} event in one transaction. */
  default void insert(StoredSession session, Event created) {
    insert(session, created, List.of());
  }

  /**
   * The same, in one transaction with {@code alsoWrite} (conditions the session relies on, a record of
   * the answer); on a failed condition, {@link ConcurrentUpdateException#failedAt} names it by its
   * position in {@code alsoWrite}.
   */
  void insert(StoredSession session, Event created, List<Write> alsoWrite);

  /** The session for a link token hash, expired or used or not (callers decide); null when unknown or already deleted. */
  StoredSession find(String tokenHash);

  /**
   * Marks the link used and creates the credential in one transaction, the session's activity
   * starting at {@code now}. False, writing nothing, when the link was used meanwhile or expired.
   */
  boolean exchange(StoredSession link, PortalAccess access, Instant now);

  /**
   * The access a credential gives, its expiry slid to {@code now} plus the idle time, in one
   * round trip; null when the credential is unknown or expired at {@code now} (nothing changes then).
   */
  PortalAccess touch(String credentialHash, Instant now);

  /** Ends the session for this credential at once (the customer signed out). */
  void end(String credentialHash);
}
