package io.portico.domain.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** How much a coupon takes off, and for how long it keeps applying. */
public final class Discounts {
  private Discounts() {}

  /**
   * The discount a coupon gives on an invoice subtotal (minor units of {@code currency}):
   *
   * <pre>  percent_off: round_half_up(subtotal × percent_off / 100)
   *  amount_off:  min(amount_off, subtotal)          (the rest of the coupon is lost, not carried over)</pre>
   *
   * A subtotal of 0 or less (credits outweigh charges) gets no discount: a coupon never deepens a credit.
   * An amount_off coupon in another currency cannot apply: IllegalArgumentException.
   */
  public static long amount(Coupon coupon, long subtotal, String currency) {
    currencyProblem(coupon, currency).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    if (subtotal <= 0) return 0;
    if (coupon.percentOff() != null) {
      return Rounding.halfUp(coupon.percentOff().multiply(BigDecimal.valueOf(subtotal)), 100);
    }
    return Math.min(coupon.amountOff(), subtotal);
  }

  /** Why {@code coupon} cannot discount an amount in {@code currency} (an amount_off in another currency); empty when it can. */
  public static Optional<String> currencyProblem(Coupon coupon, String currency) {
    String c = Currencies.normalize(currency);
    if (coupon.amountOff() != null && !coupon.currency().equals(c)) {
      return Optional.of("The coupon's amount_off is in " + coupon.currency() + " but the amount to discount is in " + c + ".");
    }
    return Optional.empty();
  }

  /**
   * When a coupon applied at {@code appliedAt} stops applying (Stripe's {@code discount.end}):
   * appliedAt + duration_in_months months (UTC calendar, month-end clamped) for {@code repeating};
   * empty for {@code once} (used up by its first invoice) and {@code forever}.
   */
  public static Optional<Instant> end(Coupon coupon, Instant appliedAt) {
    if (coupon.duration() != Coupon.Duration.REPEATING) return Optional.empty();
    return Optional.of(appliedAt.atOffset(ZoneOffset.UTC).plusMonths(coupon.durationInMonths()).toInstant());
  }

  /**
   * Whether a coupon applied at {@code appliedAt} still discounts the invoice for the period
   * starting at {@code periodStart} (a subscription's invoice is drawn up when its period starts).
   *
   * <ul>
   *   <li>Never for a period that started before the coupon was applied: its invoice already exists.</li>
   *   <li>{@code once}: only if no invoice has used it yet ({@code alreadyUsed} false): the count of
   *       invoices is the caller's state, not a matter of time.</li>
   *   <li>{@code repeating}: while periodStart &lt; {@link #end}; a period starting exactly at the end
   *       is no longer discounted (3 months on a monthly plan = 3 invoices).</li>
   *   <li>{@code forever}: always.</li>
   * </ul>
   */
  public static boolean appliesTo(Coupon coupon, Instant appliedAt, Instant periodStart, boolean alreadyUsed) {
    if (periodStart.isBefore(appliedAt)) return false;
    return switch (coupon.duration()) {
      case ONCE -> !alreadyUsed;
      case REPEATING -> periodStart.isBefore(end(coupon, appliedAt).orElseThrow());
      case FOREVER -> true;
    };
  }
}
