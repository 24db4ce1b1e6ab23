package io.portico.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedemptionsTest {
  private static final long NOW = 1_800_000_000L;

  private static Coupon percent(String p, Long maxRedemptions, long timesRedeemed, Long redeemBy) {
    return new Coupon("TEN", null, null, NOW - 100, null, "once", null, false, maxRedemptions, Map.of(), null, new BigDecimal(p), redeemBy,
        timesRedeemed, true);
  }

  private static Coupon amount(long amountOff, String currency) {
    return new Coupon("FIVE", amountOff, null, NOW - 100, currency, "forever", null, false, null, Map.of(), null, null, null, 0, true);
  }

  private static PromotionCode code(boolean active, String customer, Long expiresAt, Long maxRedemptions, long timesRedeemed,
      PromotionCode.Restrictions restrictions) {
    return new PromotionCode("promo_1", active, "SAVE", NOW - 100, customer, null, expiresAt, false, maxRedemptions, Map.of(),
        PromotionCode.Promotion.coupon("TEN"), restrictions, timesRedeemed);
  }

  private static final PromotionCode.Restrictions NONE = new PromotionCode.Restrictions(null, false, null, null);

  private static String refusal(Optional<Redemptions.Refusal> r) {
    return r.map(Redemptions.Refusal::code).orElse(null);
  }

  // ---- coupons ---------------------------------------------------------------------------------

  @Test
  void aCouponIsRedeemableUntilRedeemByInclusive() {
    assertEquals(null, refusal(Redemptions.coupon(percent("10", null, 0, NOW), false, NOW, "usd")));
    assertEquals(Redemptions.COUPON_EXPIRED, refusal(Redemptions.coupon(percent("10", null, 0, NOW), false, NOW + 1, "usd")));
  }

  @Test
  void aCouponIsRedeemableUntilItsMaxRedemptions() {
    assertEquals(null, refusal(Redemptions.coupon(percent("10", 2L, 1, null), false, NOW, "usd")));
    Optional<Redemptions.Refusal> full = Redemptions.coupon(percent("10", 2L, 2, null), false, NOW, "usd");
    assertEquals(Redemptions.COUPON_EXPIRED, refusal(full));
    assertTrue(full.orElseThrow().message().contains("maximum number of times (2)"), full.toString());
  }

  @Test
  void aDeletedCouponIsNotRedeemable() {
    assertEquals(Redemptions.COUPON_EXPIRED, refusal(Redemptions.coupon(percent("10", null, 0, null), true, NOW, "usd")));
  }

  @Test
  void anAmountOffCouponOnlyInItsCurrency() {
    assertEquals(null, refusal(Redemptions.coupon(amount(500, "eur"), false, NOW, "EUR")));
    assertEquals(null, refusal(Redemptions.coupon(amount(500, "eur"), false, NOW, null))); // currency not known yet
    assertEquals(Redemptions.CURRENCY_MISMATCH, refusal(Redemptions.coupon(amount(500, "eur"), false, NOW, "usd")));
    assertEquals(null, refusal(Redemptions.coupon(percent("10", null, 0, null), false, NOW, "jpy")));
  }

  @Test
  void validIsRecomputedForNow() {
    Coupon c = percent("10", 1L, 0, NOW);
    assertTrue(c.asOf(NOW, false).valid());
    assertFalse(c.asOf(NOW + 1, false).valid());
    assertFalse(c.asOf(NOW, true).valid());
    assertFalse(c.redeemedOnceMore().asOf(NOW, false).valid());
    assertEquals(1, c.redeemedOnceMore().timesRedeemed());
  }

  @Test
  void termsForTheBillingArithmetic() {
    Coupon repeating = new Coupon("R", 700L, null, NOW, "usd", "repeating", 6L, false, null, Map.of(), null, null, null, 0, true);
    assertEquals(io.portico.domain.billing.Coupon.amountOff(700, "usd").repeating(6), repeating.terms());
    assertEquals(io.portico.domain.billing.Coupon.percentOff(new BigDecimal("12.5")), percent("12.5", null, 0, null).terms());
  }

  // ---- promotion codes -------------------------------------------------------------------------

  @Test
  void anActiveUnrestrictedCodeIsRedeemableByAnyone() {
    assertEquals(null, refusal(Redemptions.promotionCode(code(true, null, null, null, 0, NONE), NOW, null, 0, "usd", false)));
  }

  @Test
  void inactiveExpiredOrFullyRedeemed() {
    assertEquals(Redemptions.PROMOTION_CODE_INACTIVE,
        refusal(Redemptions.promotionCode(code(false, null, null, null, 0, NONE), NOW, null, 100, "usd", true)));
    assertEquals(null, refusal(Redemptions.promotionCode(code(true, null, NOW + 1, null, 0, NONE), NOW, null, 100, "usd", true)));
    assertEquals(Redemptions.PROMOTION_CODE_EXPIRED,
        refusal(Redemptions.promotionCode(code(true, null, NOW, null, 0, NONE), NOW, null, 100, "usd", true)));
    assertEquals(Redemptions.PROMOTION_CODE_EXPIRED,
        refusal(Redemptions.promotionCode(code(true, null, null, 3L, 3, NONE), NOW, null, 100, "usd", true)));
  }

  @Test
  void restrictedToOneCustomer() {
    PromotionCode ada = code(true, "cus_ada", null, null, 0, NONE);
    assertEquals(null, refusal(Redemptions.promotionCode(ada, NOW, "cus_ada", 100, "usd", true)));
    assertEquals(Redemptions.PROMOTION_CODE_RESTRICTED, refusal(Redemptions.promotionCode(ada, NOW, "cus_bob", 100, "usd", true)));
    assertEquals(Redemptions.PROMOTION_CODE_RESTRICTED, refusal(Redemptions.promotionCode(ada, NOW, null, 100, "usd", true)));
  }

  @Test
  void firstTimeTransactionsOnly() {
    PromotionCode first = code(true, null, null, null, 0, new PromotionCode.Restrictions(null, true, null, null));
    assertEquals(null, refusal(Redemptions.promotionCode(first, NOW, "cus_ada", 100, "usd", true)));
    assertEquals(Redemptions.PROMOTION_CODE_RESTRICTED, refusal(Redemptions.promotionCode(first, NOW, "cus_ada", 100, "usd", false)));
  }

  @Test
  void minimumAmountPerCurrency() {
    PromotionCode big = code(true, null, null, null, 0,
        new PromotionCode.Restrictions(Map.of("eur", new PromotionCode.CurrencyOption(900)), false, 1000L, "usd"));
    assertEquals(null, refusal(Redemptions.promotionCode(big, NOW, null, 1000, "usd", false)));
    Optional<Redemptions.Refusal> under = Redemptions.promotionCode(big, NOW, null, 999, "USD", false);
    assertEquals(Redemptions.PROMOTION_CODE_RESTRICTED, refusal(under));
    assertTrue(under.orElseThrow().message().contains("10.00 USD"), under.toString());
    assertEquals(null, refusal(Redemptions.promotionCode(big, NOW, null, 900, "eur", false)));
    assertEquals(Redemptions.PROMOTION_CODE_RESTRICTED, refusal(Redemptions.promotionCode(big, NOW, null, 899, "eur", false)));
    Optional<Redemptions.Refusal> yen = Redemptions.promotionCode(big, NOW, null, 1_000_000, "jpy", false);
    assertEquals(Redemptions.PROMOTION_CODE_RESTRICTED, refusal(yen));
    assertTrue(yen.orElseThrow().message().contains("eur, usd"), yen.toString());
  }
}
