package io.portico.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BillingPeriodsTest {
  private static final Recurrence MONTHLY = Recurrence.of("month", 1);

  private static Instant utc(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void januaryThirtyFirstAnchorInALeapYear() {
    Instant anchor = utc("2024-01-31T09:30:00Z");
    assertEquals(anchor, BillingPeriods.periodEnd(anchor, MONTHLY, 0));
    assertEquals(utc("2024-02-29T09:30:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 1)); // Feb has 29 days in 2024
    assertEquals(utc("2024-03-31T09:30:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 2)); // back to the 31st
    assertEquals(utc("2024-04-30T09:30:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 3));
    assertEquals(utc("2024-05-31T09:30:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 4));
  }

  @Test
  void januaryThirtyFirstAnchorInANonLeapYear() {
    Instant anchor = utc("2023-01-31T00:00:00Z");
    assertEquals(utc("2023-02-28T00:00:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 1));
    assertEquals(utc("2023-03-31T00:00:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 2));
    assertEquals(utc("2023-04-30T00:00:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 3));
  }

  @Test
  void januaryThirtiethAnchorReturnsToThe30th() {
    Instant anchor = utc("2023-01-30T00:00:00Z");
    assertEquals(utc("2023-02-28T00:00:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 1));
    assertEquals(utc("2023-03-30T00:00:00Z"), BillingPeriods.periodEnd(anchor, MONTHLY, 2));
    Instant leap = utc("2024-01-30T00:00:00Z");
    assertEquals(utc("2024-02-29T00:00:00Z"), BillingPeriods.periodEnd(leap, MONTHLY, 1));
    assertEquals(utc("2024-03-30T00:00:00Z"), BillingPeriods.periodEnd(leap, MONTHLY, 2));
  }

  @Test
  void currentPeriodAroundFebruary() {
    Instant anchor = utc("2024-01-31T09:30:00Z");
    assertEquals(new Period(anchor, utc("2024-02-29T09:30:00Z")), BillingPeriods.currentPeriod(anchor, MONTHLY, anchor));
    assertEquals(new Period(anchor, utc("2024-02-29T09:30:00Z")),
        BillingPeriods.currentPeriod(anchor, MONTHLY, utc("2024-02-29T09:29:59Z")));
    // Periods are half-open: the boundary instant belongs to the next period.
    assertEquals(new Period(utc("2024-02-29T09:30:00Z"), utc("2024-03-31T09:30:00Z")),
        BillingPeriods.currentPeriod(anchor, MONTHLY, utc("2024-02-29T09:30:00Z")));
    assertEquals(new Period(utc("2024-02-29T09:30:00Z"), utc("2024-03-31T09:30:00Z")),
        BillingPeriods.currentPeriod(anchor, MONTHLY, utc("2024-03-01T00:00:00Z")));

    Instant nonLeap = utc("2023-01-31T00:00:00Z");
    assertEquals(new Period(utc("2023-02-28T00:00:00Z"), utc("2023-03-31T00:00:00Z")),
        BillingPeriods.currentPeriod(nonLeap, MONTHLY, utc("2023-03-15T12:00:00Z")));
    // Ten years on, still anchored to the 31st (or the month's last day).
    assertEquals(new Period(utc("2033-02-28T00:00:00Z"), utc("2033-03-31T00:00:00Z")),
        BillingPeriods.currentPeriod(nonLeap, MONTHLY, utc("2033-03-30T23:59:59Z")));
  }

  @Test
  void otherIntervals() {
    // Yearly from Feb 29: Feb 28 in common years, Feb 29 again in the next leap year.
    Instant feb29 = utc("2024-02-29T00:00:00Z");
    Recurrence yearly = Recurrence.of("year", 1);
    assertEquals(utc("2025-02-28T00:00:00Z"), BillingPeriods.periodEnd(feb29, yearly, 1));
    assertEquals(utc("2028-02-29T00:00:00Z"), BillingPeriods.periodEnd(feb29, yearly, 4));

    // Quarterly from Nov 30: Feb 29 (clamped), then May 30.
    Instant nov30 = utc("2023-11-30T00:00:00Z");
    Recurrence quarterly = Recurrence.of("month", 3);
    assertEquals(utc("2024-02-29T00:00:00Z"), BillingPeriods.periodEnd(nov30, quarterly, 1));
    assertEquals(utc("2024-05-30T00:00:00Z"), BillingPeriods.periodEnd(nov30, quarterly, 2));

    // Every two weeks from Friday 7 June 2024.
    Instant friday = utc("2024-06-07T08:00:00Z");
    Recurrence fortnightly = Recurrence.of("week", 2);
    assertEquals(utc("2024-06-21T08:00:00Z"), BillingPeriods.periodEnd(friday, fortnightly, 1));
    assertEquals(new Period(utc("2024-06-21T08:00:00Z"), utc("2024-07-05T08:00:00Z")),
        BillingPeriods.currentPeriod(friday, fortnightly, utc("2024-07-01T00:00:00Z")));

    Recurrence daily = Recurrence.of("day", 1);
    assertEquals(new Period(utc("2024-03-02T08:00:00Z"), utc("2024-03-03T08:00:00Z")),
        BillingPeriods.currentPeriod(utc("2024-02-28T08:00:00Z"), daily, utc("2024-03-02T23:00:00Z")));
  }

  @Test
  void intervalLimitsAreThreeYearsAsInStripe() {
    assertEquals(Optional.empty(), BillingPeriods.validate("day", 1095));
    assertEquals(Optional.empty(), BillingPeriods.validate("week", 156));
    assertEquals(Optional.empty(), BillingPeriods.validate("month", 36));
    assertEquals(Optional.empty(), BillingPeriods.validate("year", 3));

    assertTrue(BillingPeriods.validate("day", 1096).orElseThrow().contains("at most 1095 for interval=day"));
    assertTrue(BillingPeriods.validate("week", 157).orElseThrow().contains("at most 156 for interval=week"));
    assertTrue(BillingPeriods.validate("month", 37).orElseThrow().contains("at most 36 for interval=month"));
    assertTrue(BillingPeriods.validate("year", 4).orElseThrow().contains("at most 3 for interval=year"));
    assertTrue(BillingPeriods.validate("month", 0).orElseThrow().contains("at least 1"));
    assertTrue(BillingPeriods.validate("fortnight", 1).orElseThrow().contains("must be one of day, week, month or year"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recurrence.of("month", 37));
    assertEquals(BillingPeriods.validate("month", 37).orElseThrow(), e.getMessage());
  }

  @Test
  void noPeriodBeforeTheAnchor() {
    Instant anchor = utc("2024-01-31T00:00:00Z");
    assertThrows(IllegalArgumentException.class,
        () -> BillingPeriods.currentPeriod(anchor, MONTHLY, utc("2024-01-30T23:59:59Z")));
  }
}
