package io.portico.domain.billing;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A coupon's terms, as Stripe's: either {@code percent_off} (0 < p ≤ 100) or {@code amount_off} in the
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
      percentOffProblem(percentOff).ifPresent(Coupon::refuse);
      if (currency != null) throw new IllegalArgumentException("currency is only for amount_off coupons.");
    } else {
      amountOffProblem(amountOff).ifPresent(Coupon::refuse);
      if (currency == null) throw new IllegalArgumentException("An amount_off coupon needs a currency.");
      currency = Currencies.normalize(currency);
    }
    if (duration == null) throw new IllegalArgumentException("A coupon needs a duration.");
    durationInMonthsProblem(duration, durationInMonths).ifPresent(Coupon::refuse);
  }

  /** Why {@code percent} cannot be a coupon's percent_off (Stripe: above 0, at most 100, two decimals at most); empty when it can. */
  public static Optional<String> percentOffProblem(BigDecimal percent) {
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
      return Optional.of("percent_off must be greater than 0 and at most 100 (got " + percent.toPlainString() + ").");
    }
    if (percent.stripTrailingZeros().scale() > 2) {
      return Optional.of("percent_off can have at most two decimal places (got " + percent.toPlainString() + ").");
    }
    return Optional.empty();
  }

  /** Why {@code amount} cannot be a coupon's amount_off; empty when it can. */
  public static Optional<String> amountOffProblem(long amount) {
    return amount <= 0 ? Optional.of("amount_off must be a positive amount (got " + amount + ").") : Optional.empty();
  }

  /** Why {@code months} does not fit {@code duration} (required, at least 1, for repeating, and only for it); empty when it does. */
  public static Optional<String> durationInMonthsProblem(Duration duration, Integer months) {
    if (duration == Duration.REPEATING ? months == null || months < 1 : months != null) {
      return Optional.of("duration_in_months is required, at least 1, for duration=repeating, and only for it.");
    }
    return Optional.empty();
  }

  private static void refuse(String problem) {
    throw new IllegalArgumentException(problem);
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
