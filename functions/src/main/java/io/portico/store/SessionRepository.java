package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PortalSession;
import io.portico.domain.Scope;
import io.portico.domain.SessionLifetime;
import java.time.Instant;
import java.util.List;

public interface SessionRepository {
  /** A stored session: never its link token, only the token's hash. */
  record StoredSession(String tokenHash, Scope scope, PortalSession session, SessionLifetime lifetime) {}

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

  /** The session for a token hash, expired or not (callers decide); null when unknown or already deleted. */
  StoredSession find(String tokenHash);

  /**
   * Records activity at {@code now}: the first opens the session and every one slides its expiry.
   * Returns false, changing nothing, when the session expired before {@code now}.
   */
  boolean touch(StoredSession session, Instant now);
}
