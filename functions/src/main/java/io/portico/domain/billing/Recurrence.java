package io.portico.domain.billing;

/**
 * How often a price bills: every {@code intervalCount} {@code interval}s (Stripe's
 * {@code price.recurring}). Always valid: the constructor enforces {@link BillingPeriods#validate}.
 */
public record Recurrence(Interval interval, int intervalCount) {
  public Recurrence {
    if (interval == null) throw new IllegalArgumentException("interval is required.");
    BillingPeriods.validate(interval.stripeName(), intervalCount).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  /** {@code Recurrence.of("month", 1)}; IllegalArgumentException with Stripe-like wording when invalid. */
  public static Recurrence of(String interval, int intervalCount) {
    return new Recurrence(Interval.of(interval), intervalCount);
  }
}
