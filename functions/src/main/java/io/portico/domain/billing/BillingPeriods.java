package io.portico.domain.billing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Billing period boundaries. Every boundary is computed from the billing cycle anchor, never from
 * the previous boundary, in the UTC calendar:
 *
 * <pre>  boundary(n) = anchor + n × interval_count intervals      (n = 0 is the anchor itself)
 *  period n    = [boundary(n − 1), boundary(n))              (n ≥ 1)</pre>
 *
 * Adding months or years clamps to the last day of a shorter month, and because each boundary
 * starts again from the anchor, the day of month comes back afterwards (Stripe's month-end rule):
 * anchor Jan 31 gives Feb 28 (Feb 29 in a leap year), Mar 31, Apr 30; anchor Jan 30 gives Feb 28,
 * Mar 30. Stepping from the previous end instead would drift to the 28th for good.
 */
public final class BillingPeriods {
  private BillingPeriods() {}

  /**
   * Why (interval, interval_count) is not a valid recurrence, or empty when it is. Stripe allows at
   * most three years per period: day ≤ 1095, week ≤ 156, month ≤ 36, year ≤ 3 ({@link Interval#MAX_YEARS}).
   */
  public static Optional<String> validate(String interval, long intervalCount) {
    Interval i;
    try {
      i = Interval.of(interval);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (intervalCount < 1) {
      return Optional.of("Invalid interval_count: must be at least 1 (got " + intervalCount + ").");
    }
    if (intervalCount > i.maxCount()) {
      return Optional.of("Invalid interval_count: the maximum billing period is three years (1095 days, 156 weeks, "
          + "36 months or 3 years), so interval_count can be at most " + i.maxCount() + " for interval=" + i.stripeName()
          + " (got " + intervalCount + ").");
    }
    return Optional.empty();
  }

  /** The end of the n-th period since {@code anchor} (n ≥ 1), which is also where period n + 1 starts. n = 0 gives the anchor. */
  public static Instant periodEnd(Instant anchor, Recurrence recurring, long n) {
    if (n < 0) throw new IllegalArgumentException("n must be at least 0 (got " + n + ").");
    return boundary(anchor, recurring, n);
  }

  /** The period [start, end) that contains {@code at}; {@code at} must not be before the anchor. */
  public static Period currentPeriod(Instant anchor, Recurrence recurring, Instant at) {
    if (at.isBefore(anchor)) {
      // Before a future anchor Stripe bills a stub [subscription start, anchor): the caller knows that start, not we.
      throw new IllegalArgumentException("at (" + at + ") is before the billing cycle anchor (" + anchor + ").");
    }
    long n = estimateBoundariesPassed(anchor, recurring, at);
    // The estimate can be one off either way around short months; settle it on the real boundaries.
    while (!boundary(anchor, recurring, n + 1).isAfter(at)) n++;
    while (boundary(anchor, recurring, n).isAfter(at)) n--;
    return new Period(boundary(anchor, recurring, n), boundary(anchor, recurring, n + 1));
  }

  private static Instant boundary(Instant anchor, Recurrence recurring, long n) {
    LocalDateTime a = LocalDateTime.ofInstant(anchor, ZoneOffset.UTC);
    long steps = Math.multiplyExact(n, (long) recurring.intervalCount());
    LocalDateTime b = switch (recurring.interval()) {
      case DAY -> a.plusDays(steps);
      case WEEK -> a.plusWeeks(steps);
      case MONTH -> a.plusMonths(steps); // clamps Jan 31 + 1 month to Feb 28/29
      case YEAR -> a.plusYears(steps);   // clamps Feb 29 + 1 year to Feb 28
    };
    return b.toInstant(ZoneOffset.UTC);
  }

  private static long estimateBoundariesPassed(Instant anchor, Recurrence recurring, Instant at) {
    LocalDateTime a = LocalDateTime.ofInstant(anchor, ZoneOffset.UTC);
    LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    ChronoUnit unit = switch (recurring.interval()) {
      case DAY -> ChronoUnit.DAYS;
      case WEEK -> ChronoUnit.WEEKS;
      case MONTH -> ChronoUnit.MONTHS;
      case YEAR -> ChronoUnit.YEARS;
    };
    return unit.between(a, t) / recurring.intervalCount();
  }
}
