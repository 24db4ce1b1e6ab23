package io.portico.domain.billing;

import java.math.BigDecimal;

/**
 * One invoice line: an amount in minor units (negative for a credit) with its currency, the
 * period it covers, and the quantity and unit amount it was computed from (for descriptions such
 * as "Unused time on 5 × Seat after 10 Apr 2024").
 */
public record LineItem(Kind kind, long amount, String currency, Period period, long quantity, BigDecimal unitAmount) {

  public enum Kind {
    /** A full period of a price: amount = round_half_up(unit amount × quantity). Not a proration. */
    PERIOD,
    /** Credit for the unused rest of a period already billed at the old price: a proration, amount ≤ 0. */
    UNUSED_TIME,
    /** Charge for the rest of the period at the new price: a proration, amount ≥ 0. */
    REMAINING_TIME
  }

  public LineItem {
    if (kind == null || currency == null || period == null || unitAmount == null) {
      throw new IllegalArgumentException("A line item needs a kind, a currency, a period and a unit amount.");
    }
    currency = Currencies.normalize(currency);
  }

  /** Stripe's {@code proration} flag: true for the credit and charge lines of a mid-period change. */
  public boolean proration() {
    return kind != Kind.PERIOD;
  }

  /** A full period of {@code price} × {@code quantity}, the line of a regular (renewal or first) invoice. */
  public static LineItem forPeriod(UnitPrice price, long quantity, Period period) {
    requireQuantity(quantity);
    long amount = Rounding.halfUp(price.unitAmount().multiply(BigDecimal.valueOf(quantity)));
    return new LineItem(Kind.PERIOD, amount, price.currency(), period, quantity, price.unitAmount());
  }

  static void requireQuantity(long quantity) {
    if (quantity < 0) throw new IllegalArgumentException("quantity must not be negative (got " + quantity + ").");
  }
}
