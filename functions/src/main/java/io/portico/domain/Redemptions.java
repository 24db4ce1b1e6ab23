package io.portico.domain;

import io.portico.domain.billing.Currencies;
import io.portico.domain.billing.Discounts;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a coupon or a promotion code may start a new discount, and if not, why, as Stripe's
 * error code and a sentence the merchant can show. Plain rules: the caller reads the objects and
 * passes the instant ({@code now}, Unix seconds). Discounts already running are not affected.
 */
public final class Redemptions {
  /** The coupon is past its redeem_by, fully redeemed or deleted (Stripe's code for a coupon that no longer applies). */
  public static final String COUPON_EXPIRED = "coupon_expired";
  /** An amount_off coupon cannot discount an amount in another currency. */
  public static final String CURRENCY_MISMATCH = "currency_mismatch";
  public static final String PROMOTION_CODE_INACTIVE = "promotion_code_inactive";
  /** The promotion code is past its expires_at or fully redeemed. */
  public static final String PROMOTION_CODE_EXPIRED = "promotion_code_expired";
  /** The restrictions exclude this use: another customer, not a first purchase, under the minimum amount. */
  public static final String PROMOTION_CODE_RESTRICTED = "promotion_code_restricted";

  public record Refusal(String code, String message) {}

  private Redemptions() {}

  /** Why {@code coupon} cannot start a discount at {@code now} on an amount in {@code currency} (null: not known yet). */
  public static Optional<Refusal> coupon(Coupon coupon, boolean deleted, long now, String currency) {
    String id = coupon.id();
    if (deleted) return refuse(COUPON_EXPIRED, "Coupon " + id + " was deleted; it can no longer be redeemed.");
    if (coupon.expiredAt(now)) {
      return refuse(COUPON_EXPIRED, "Coupon " + id + " expired at " + Instant.ofEpochSecond(coupon.redeemBy())
          + " (its redeem_by); it can no longer be redeemed.");
    }
    if (coupon.fullyRedeemed()) {
      return refuse(COUPON_EXPIRED, "Coupon " + id + " has been redeemed the maximum number of times (" + coupon.maxRedemptions() + ").");
    }
    if (currency != null) {
      Optional<String> problem = Discounts.currencyProblem(coupon.terms(), currency);
      if (problem.isPresent()) return refuse(CURRENCY_MISMATCH, "Coupon " + id + " cannot be used here. " + problem.get());
    }
    return Optional.empty();
  }

  /**
   * Why {@code promo} cannot be redeemed at {@code now} by {@code customer} on {@code amount} of
   * {@code currency}; {@code firstTimeTransaction} says whether the customer has never paid before.
   * Its coupon is checked separately ({@link #coupon}).
   */
  public static Optional<Refusal> promotionCode(PromotionCode promo, long now, String customer, long amount, String currency,
      boolean firstTimeTransaction) {
    String code = promo.code();
    if (!promo.active()) return refuse(PROMOTION_CODE_INACTIVE, "The promotion code " + code + " is inactive.");
    if (promo.expiredAt(now)) {
      return refuse(PROMOTION_CODE_EXPIRED, "The promotion code " + code + " expired at " + Instant.ofEpochSecond(promo.expiresAt()) + ".");
    }
    if (promo.fullyRedeemed()) {
      return refuse(PROMOTION_CODE_EXPIRED, "The promotion code " + code + " has been redeemed the maximum number of times ("
          + promo.maxRedemptions() + ").");
    }
    if (promo.customerId() != null && !promo.customerId().equals(customer)) {
      return refuse(PROMOTION_CODE_RESTRICTED, "The promotion code " + code + " can only be redeemed by another customer.");
    }
    PromotionCode.Restrictions r = promo.restrictions();
    if (r.firstTimeTransaction() && !firstTimeTransaction) {
      return refuse(PROMOTION_CODE_RESTRICTED, "The promotion code " + code
          + " is for first-time purchases only, and this customer has paid before.");
    }
    if (r.minimumAmountCurrency() != null) {
      String c = Currencies.normalize(currency);
      Long minimum = r.minimumIn(c);
      if (minimum == null) {
        TreeSet<String> currencies = new TreeSet<>(r.currencyOptions() == null ? Set.of() : r.currencyOptions().keySet());
        currencies.add(r.minimumAmountCurrency());
        return refuse(PROMOTION_CODE_RESTRICTED, "The promotion code " + code + " sets a minimum amount in " + String.join(", ", currencies)
            + " only; it cannot be used for an amount in " + c + ".");
      }
      if (amount < minimum) {
        return refuse(PROMOTION_CODE_RESTRICTED, "The promotion code " + code + " needs an amount of at least "
            + Currencies.format(minimum, c) + " (this one is " + Currencies.format(amount, c) + ").");
      }
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(String code, String message) {
    return Optional.of(new Refusal(code, message));
  }
}
