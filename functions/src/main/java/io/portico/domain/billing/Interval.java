package io.portico.domain.billing;

import java.util.Locale;

/** A price's recurring interval, as Stripe names it: {@code day}, {@code week}, {@code month}, {@code year}. */
public enum Interval {
  DAY(365), WEEK(52), MONTH(12), YEAR(1);

  /** The longest billing period Stripe allows, in years (see {@link BillingPeriods#validate}). */
  public static final int MAX_YEARS = 1;

  private final int perYear;

  Interval(int perYear) {
    this.perYear = perYear;
  }

  /** Largest interval_count: one year's worth (365 days, 52 weeks, 12 months, 1 year). */
  public int maxCount() {
    return perYear * MAX_YEARS;
  }

  public String stripeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The interval named {@code name} ("month"), or IllegalArgumentException. */
  public static Interval of(String name) {
    for (Interval i : values()) if (i.stripeName().equals(name)) return i;
    throw new IllegalArgumentException("Invalid interval: must be one of day, week, month or year (got " + name + ").");
  }
}
