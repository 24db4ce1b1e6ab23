package io.portico.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the billing clock must next act on a subscription: the end of its trial or current
 * period (renewal), a scheduled cancellation, or — for a subscription whose first invoice was
 * never paid — the moment it expires, 23 hours after creation as in Stripe.
 */
public final class BillingCalendar {
  public static final Duration INCOMPLETE_EXPIRY = Duration.ofHours(23);

  private BillingCalendar() {}

  public static Optional<Instant> nextEvent(Subscription s) {
    long periodEnd = s.items().data().get(0).currentPeriodEnd();
    return switch (s.status()) {
      case "incomplete" -> Optional.of(Instant.ofEpochSecond(s.created()).plus(INCOMPLETE_EXPIRY));
      case "trialing" -> Optional.of(Instant.ofEpochSecond(earliest(s.trialEnd(), s.cancelAt())));
      case "active", "past_due", "unpaid" -> Optional.of(Instant.ofEpochSecond(earliest(periodEnd, s.cancelAt())));
      default -> Optional.empty(); // canceled, incomplete_expired, paused: nothing scheduled
    };
  }

  private static long earliest(Long a, Long b) {
    if (a == null) return b;
    if (b == null) return a;
    return Math.min(a, b);
  }
}
