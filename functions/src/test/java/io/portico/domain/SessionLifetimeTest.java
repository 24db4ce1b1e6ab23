package io.portico.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void unopenedLinkExpiresFiveMinutesAfterCreation() {
    SessionLifetime l = SessionLifetime.startingAt(T0);
    assertFalse(l.opened());
    assertNull(l.openedAt());
    assertEquals(Instant.parse("2026-03-01T12:05:00Z"), l.expiresAt());
  }

  @Test
  void expiredExactlyAtTheBoundaryInstant() {
    SessionLifetime l = SessionLifetime.startingAt(T0);
    Instant expiry = T0.plus(Duration.ofMinutes(5));
    assertFalse(l.isExpired(T0));
    assertFalse(l.isExpired(expiry.minusNanos(1)));
    assertTrue(l.isExpired(expiry)); // at the instant itself, not one tick later
    assertTrue(l.isExpired(expiry.plusSeconds(1)));
  }

  @Test
  void openingStartsTheIdleHour() {
    Instant openedAt = T0.plus(Duration.ofMinutes(4));
    SessionLifetime l = SessionLifetime.startingAt(T0).touchedAt(openedAt);
    assertTrue(l.opened());
    assertEquals(openedAt, l.openedAt());
    assertEquals(openedAt, l.lastActivity());
    // Once opened the five-minute rule no longer applies: 12:04 + 1 h.
    assertEquals(Instant.parse("2026-03-01T13:04:00Z"), l.expiresAt());
    assertFalse(l.isExpired(T0.plus(Duration.ofMinutes(30))));
  }

  @Test
  void activitySlidesTheExpiryButKeepsTheOpeningInstant() {
    Instant opened = T0.plus(Duration.ofMinutes(1));
    Instant later = opened.plus(Duration.ofMinutes(50));
    SessionLifetime l = SessionLifetime.startingAt(T0).touchedAt(opened).touchedAt(later);
    assertEquals(opened, l.openedAt());
    assertEquals(later, l.lastActivity());
    assertEquals(later.plus(Duration.ofHours(1)), l.expiresAt());
    assertFalse(l.isExpired(later.plus(Duration.ofMinutes(59))));
    assertTrue(l.isExpired(later.plus(Duration.ofHours(1))));
  }

  @Test
  void createdIsNeverChangedByActivity() {
    SessionLifetime l = SessionLifetime.startingAt(T0).touchedAt(T0.plusSeconds(10)).touchedAt(T0.plusSeconds(20));
    assertEquals(T0, l.created());
  }
}
