package io.portico.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a portal session stops working. A link never opened lives {@link #UNOPENED} after
 * creation; once opened, the session lives {@link #IDLE} after the last activity, sliding with
 * every request. The datastore's TTL only cleans up later: these rules decide on every read.
 */
public record SessionLifetime(Instant created, Instant openedAt, Instant lastActivity) {
  public static final Duration UNOPENED = Duration.ofMinutes(5);
  public static final Duration IDLE = Duration.ofHours(1);

  public static SessionLifetime startingAt(Instant created) {
    return new SessionLifetime(created, null, null);
  }

  public boolean opened() {
    return openedAt != null;
  }

  public Instant expiresAt() {
    return opened() ? lastActivity.plus(IDLE) : created.plus(UNOPENED);
  }

  /** Expired at {@code now} when now is at or past the expiry instant. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt());
  }

  /** The lifetime after activity at {@code now}: the first activity opens the session. */
  public SessionLifetime touchedAt(Instant now) {
    return new SessionLifetime(created, opened() ? openedAt : now, now);
  }
}
