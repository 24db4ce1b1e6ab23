package io.portico.domain.billing;

import java.util.Locale;

/** A price's recurring interval, as Stripe names it: {@code day}, {@code week}, {@code month}, {@code year}. */
public enum Interval {
  DAY(365), WEEK(52), MONTH(12), YEAR(1);

  /** The longest billing period Stripe allows, in years (see {@link BillingPeriods#validate}). */
  public static final int MAX_YEARS = 3;

  private final int perYear;

  Interval(int perYear) {
    this.perYear = perYear;
  }

  /** Largest interval_count: three years' worth (1095 days, 156 weeks, 36 months, 3 years), as Stripe allows. */
  public int maxCount() {
    return perYear * MAX_YEARS;
  }

  /** How many of this interval fit in a year (a month is 1/12 year, a week 1/52): enough to tell which of two periods is shorter. */
  public int perYear() {
    return perYear;
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
