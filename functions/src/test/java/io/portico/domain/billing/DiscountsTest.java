package io.portico.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscountsTest {

  private static Instant utc(String iso) {
    return Instant.parse(iso);
  }

  private static Coupon percent(String p) {
    return Coupon.percentOff(new BigDecimal(p));
  }

  @Test
  void percentOffRoundsHalfUp() {
    assertEquals(185, Discounts.amount(percent("15"), 1234, "usd"));   // 1234 × 15/100 = 185.1 -> 185
    assertEquals(126, Discounts.amount(percent("12.5"), 1004, "usd")); // 1004 × 12.5/100 = 125.5 -> 126
    assertEquals(501, Discounts.amount(percent("50"), 1001, "jpy"));   // ¥1001 × 50/100 = 500.5 -> ¥501
    assertEquals(5000, Discounts.amount(percent("100"), 5000, "usd"));
  }

  @Test
  void amountOffIsCappedAtTheSubtotalAndMustMatchTheCurrency() {
    assertEquals(500, Discounts.amount(Coupon.amountOff(500, "usd"), 1200, "usd"));
    assertEquals(1200, Discounts.amount(Coupon.amountOff(5000, "usd"), 1200, "usd"));
    assertEquals(1200, Discounts.amount(Coupon.amountOff(5000, "USD"), 1200, "usd"));
    assertThrows(IllegalArgumentException.class, () -> Discounts.amount(Coupon.amountOff(500, "eur"), 1200, "usd"));
  }

  @Test
  void noDiscountOnACredit() {
    assertEquals(0, Discounts.amount(percent("50"), -2667, "usd"));
    assertEquals(0, Discounts.amount(Coupon.amountOff(500, "usd"), 0, "usd"));
  }

  @Test
  void couponValidation() {
    assertThrows(IllegalArgumentException.class, () -> percent("0"));
    assertThrows(IllegalArgumentException.class, () -> percent("100.01"));
    assertThrows(IllegalArgumentException.class, () -> Coupon.amountOff(0, "usd"));
    assertThrows(IllegalArgumentException.class, () -> Coupon.amountOff(500, null));
    assertThrows(IllegalArgumentException.class, () -> percent("10").repeating(0));
    assertThrows(IllegalArgumentException.class, () -> new Coupon(BigDecimal.TEN, 500L, "usd", Coupon.Duration.ONCE, null));
    assertEquals(Coupon.Duration.ONCE, percent("10").duration()); // Stripe's default
  }

  @Test
  void percentOffHasAtMostTwoDecimals() {
    assertEquals(Optional.empty(), Coupon.percentOffProblem(new BigDecimal("12.25")));
    assertEquals(Optional.empty(), Coupon.percentOffProblem(new BigDecimal("12.500"))); // trailing zeros are not decimals
    assertTrue(Coupon.percentOffProblem(new BigDecimal("12.125")).orElseThrow().contains("two decimal"));
    assertThrows(IllegalArgumentException.class, () -> percent("33.333"));
    assertTrue(Coupon.percentOffProblem(BigDecimal.ZERO).orElseThrow().contains("greater than 0"));
  }

  @Test
  void durationInMonthsProblems() {
    assertEquals(Optional.empty(), Coupon.durationInMonthsProblem(Coupon.Duration.REPEATING, 1));
    assertEquals(Optional.empty(), Coupon.durationInMonthsProblem(Coupon.Duration.ONCE, null));
    assertTrue(Coupon.durationInMonthsProblem(Coupon.Duration.REPEATING, null).isPresent());
    assertTrue(Coupon.durationInMonthsProblem(Coupon.Duration.FOREVER, 3).isPresent());
  }

  @Test
  void currencyProblemOnlyForAmountOffInAnotherCurrency() {
    assertEquals(Optional.empty(), Discounts.currencyProblem(percent("10"), "jpy"));
    assertEquals(Optional.empty(), Discounts.currencyProblem(Coupon.amountOff(500, "eur"), "EUR"));
    assertTrue(Discounts.currencyProblem(Coupon.amountOff(500, "eur"), "usd").orElseThrow().contains("eur"));
  }

  @Test
  void onceAppliesToTheFirstInvoiceOnly() {
    Coupon once = percent("20");
    Instant applied = utc("2024-01-31T00:00:00Z");
    assertTrue(Discounts.appliesTo(once, applied, applied, false));
    assertFalse(Discounts.appliesTo(once, applied, utc("2024-02-29T00:00:00Z"), true));
    assertEquals(Optional.empty(), Discounts.end(once, applied));
  }

  @Test
  void repeatingAppliesForItsMonths() {
    // Applied Jan 31 2024 for 3 months: ends Apr 30 2024 (Jan 31 + 3 months, clamped).
    // Monthly periods start Jan 31, Feb 29, Mar 31 (discounted: 3 invoices) and Apr 30 (not).
    Coupon threeMonths = percent("20").repeating(3);
    Instant applied = utc("2024-01-31T00:00:00Z");
    assertEquals(Optional.of(utc("2024-04-30T00:00:00Z")), Discounts.end(threeMonths, applied));
    assertTrue(Discounts.appliesTo(threeMonths, applied, applied, false));
    assertTrue(Discounts.appliesTo(threeMonths, applied, utc("2024-02-29T00:00:00Z"), true));
    assertTrue(Discounts.appliesTo(threeMonths, applied, utc("2024-03-31T00:00:00Z"), true));
    assertFalse(Discounts.appliesTo(threeMonths, applied, utc("2024-04-30T00:00:00Z"), true));
  }

  @Test
  void foreverAppliesToEveryLaterPeriod() {
    Coupon forever = Coupon.amountOff(500, "usd").forever();
    Instant applied = utc("2024-01-15T12:00:00Z");
    assertTrue(Discounts.appliesTo(forever, applied, utc("2034-01-15T00:00:00Z"), true));
    // Not to a period that started before the coupon was applied: that invoice was already drawn up.
    assertFalse(Discounts.appliesTo(forever, applied, utc("2024-01-01T00:00:00Z"), false));
  }
}
