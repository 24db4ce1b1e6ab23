package io.portico.domain.portal;

import io.portico.domain.Coupon;
import io.portico.domain.Redemptions;
import java.util.Collection;

/**
 * Whether the retention coupon a cancel flow offers (seed 002, "Kündigungen im Kundenportal
 * vermeiden") can still be accepted for a subscription: the coupon must exist and be redeemable
 * now for the subscription's currency, must discount at least one of its products, and must not
 * be applied to it already (an offer is accepted once).
 */
public final class RetentionOffer {
  private RetentionOffer() {}

  /**
   * @param coupon the offered coupon, null when no coupon has that id
   * @param deleted whether the merchant deleted it
   * @param appliedCoupons the coupons of the subscription's current discounts
   * @param products the products the subscription bills
   * @param currency the subscription's currency
   * @param now seconds since the epoch
   */
  public static Verdict check(Coupon coupon, boolean deleted, Collection<String> appliedCoupons, Collection<String> products, String currency,
      long now) {
    if (coupon == null) return Verdict.refused(Reason.RETENTION_OFFER_UNAVAILABLE);
    if (appliedCoupons.contains(coupon.id())) return Verdict.refused(Reason.RETENTION_OFFER_ACCEPTED);
    if (Redemptions.coupon(coupon, deleted, now, currency).isPresent()) return Verdict.refused(Reason.RETENTION_OFFER_UNAVAILABLE);
    boolean appliesToNothing = coupon.appliesTo() != null && coupon.appliesTo().products() != null
        && coupon.appliesTo().products().stream().noneMatch(products::contains);
    return appliesToNothing ? Verdict.refused(Reason.RETENTION_OFFER_UNAVAILABLE) : Verdict.ALLOWED;
  }
}
