package io.portico.domain.billing;

import java.math.BigDecimal;

/**
 * A coupon, as Stripe's: either {@code percent_off} (0 < p ≤ 100) or {@code amount_off} in the
 * minor units of {@code currency}; and a duration. Build with {@link #percentOff} or
 * {@link #amountOff} (duration {@code once}, Stripe's default), then {@link #repeating} or
 * {@link #forever} to change it.
 */
public record Coupon(BigDecimal percentOff, Long amountOff, String currency, Duration duration, Integer durationInMonths) {

  public enum Duration {
    /** The first invoice only. */
    ONCE,
    /** Every invoice for {@code duration_in_months} months from when the coupon is applied. */
    REPEATING,
    /** Every invoice. */
    FOREVER
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Coupon {
    if ((percentOff == null) == (amountOff == null)) {
      throw new IllegalArgumentException("A coupon has exactly one of percent_off and amount_off.");
    }
    if (percentOff != null) {
      if (percentOff.signum() <= 0 || percentOff.compareTo(HUNDRED) > 0) {
        throw new IllegalArgumentException("percent_off must be greater than 0 and at most 100 (got " + percentOff.toPlainString() + ").");
      }
      if (currency != null) throw new IllegalArgumentException("currency is only for amount_off coupons.");
    } else {
      if (amountOff <= 0) throw new IllegalArgumentException("amount_off must be a positive amount (got " + amountOff + ").");
      if (currency == null) throw new IllegalArgumentException("An amount_off coupon needs a currency.");
      currency = Currencies.normalize(currency);
    }
    if (duration == null) throw new IllegalArgumentException("A coupon needs a duration.");
    if (duration == Duration.REPEATING ? durationInMonths == null || durationInMonths < 1 : durationInMonths != null) {
      throw new IllegalArgumentException("duration_in_months is required, at least 1, for duration=repeating, and only for it.");
    }
  }

  public static Coupon percentOff(BigDecimal percent) {
    return new Coupon(percent, null, null, Duration.ONCE, null);
  }

  public static Coupon amountOff(long amount, String currency) {
    return new Coupon(null, amount, currency, Duration.ONCE, null);
  }

  public Coupon repeating(int months) {
    return new Coupon(percentOff, amountOff, currency, Duration.REPEATING, months);
  }

  public Coupon forever() {
    return new Coupon(percentOff, amountOff, currency, Duration.FOREVER, null);
  }
}
