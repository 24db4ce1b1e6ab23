package io.portico.domain.billing;

import java.math.BigDecimal;

/**
 * What one unit costs per period: Stripe's {@code unit_amount} / {@code unit_amount_decimal}
 * (minor units, at most 12 decimal places, never rounded on its own), its currency and its recurrence.
 */
public record UnitPrice(BigDecimal unitAmount, String currency, Recurrence recurring) {
  public static final int MAX_DECIMAL_PLACES = 12;

  public UnitPrice {
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

  /** A whole unit amount, e.g. {@code UnitPrice.of(1000, "usd", Recurrence.of("month", 1))} for $10.00 a month. */
  public static UnitPrice of(long unitAmount, String currency, Recurrence recurring) {
    return new UnitPrice(BigDecimal.valueOf(unitAmount), currency, recurring);
  }

  /** A unit amount with decimals of the minor unit, e.g. "0.5" for half a cent. */
  public static UnitPrice ofDecimal(String unitAmountDecimal, String currency, Recurrence recurring) {
    return new UnitPrice(new BigDecimal(unitAmountDecimal), currency, recurring);
  }
}
