package io.portico.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: exponential backoff from one minute, doubling after every
 * failure up to a ceiling (one hour by default), for a window (three days, as Stripe retries) that
 * starts at the delivery's creation. The last attempt falls on the window's end; when it fails
 * too, the delivery has failed.
 */
public record WebhookRetries(Duration first, Duration ceiling, Duration window) {
  public static final WebhookRetries DEFAULT = new WebhookRetries(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(3));

  /** After {@code failures} failed attempts (the last one at {@code lastAttempt}), the next attempt; null when the window is over. */
  public Instant next(Instant created, int failures, Instant lastAttempt) {
    Instant end = created.plus(window);
    if (!lastAttempt.isBefore(end)) return null;
    Duration delay = first;
    for (int i = 1; i < failures && delay.compareTo(ceiling) < 0; i++) delay = delay.multipliedBy(2);
    if (delay.compareTo(ceiling) > 0) delay = ceiling;
    Instant next = lastAttempt.plus(delay);
    return next.isAfter(end) ? end : next;
  }
}
