package io.portico.domain.billing;

import java.math.BigDecimal;

/**
 * What one unit costs per period: Stripe's {@code unit_amount} / {@code unit_amount_decimal}
 * (minor units, at most 12 decimal places, never rounded on its own), its currency and its recurrence.
 */
public record Price(BigDecimal unitAmount, String currency, Recurring recurring) {
  public static final int MAX_DECIMAL_PLACES = 12;

  public Price {
    if (unitAmount == null || currency == null || recurring == null) {
      throw new IllegalArgumentException("A price needs a unit amount, a currency and a recurrence.");
    }
    if (unitAmount.signum() < 0) throw new IllegalArgumentException("unit_amount must not be negative (got " + unitAmount + ").");
    if (unitAmount.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
      throw new IllegalArgumentException("unit_amount_decimal can have at most " + MAX_DECIMAL_PLACES
          + " decimal places (got " + unitAmount.toPlainString() + ").");
    }
    currency = Currencies.normalize(currency);
  }

  /** A whole unit amount, e.g. {@code Price.of(1000, "usd", Recurring.of("month", 1))} for $10.00 a month. */
  public static Price of(long unitAmount, String currency, Recurring recurring) {
    return new Price(BigDecimal.valueOf(unitAmount), currency, recurring);
  }

  /** A unit amount with decimals of the minor unit, e.g. "0.5" for half a cent. */
  public static Price ofDecimal(String unitAmountDecimal, String currency, Recurring recurring) {
    return new Price(new BigDecimal(unitAmountDecimal), currency, recurring);
  }
}
