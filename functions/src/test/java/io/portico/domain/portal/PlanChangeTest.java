package io.portico.domain.portal;

import static io.portico.domain.portal.Fixtures.item;
import static io.portico.domain.portal.Fixtures.metered;
import static io.portico.domain.portal.Fixtures.monthly;
import static io.portico.domain.portal.Fixtures.price;
import static io.portico.domain.portal.Fixtures.product;
import static io.portico.domain.portal.Fixtures.taxed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portico.domain.Price;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.portal.PlanChange.Timing;
import org.junit.jupiter.api.Test;

class PlanChangeTest {
  private static final Price BASIC = monthly("price_basic", "prod_plan", "usd", 1000);
  private static final Price PRO = monthly("price_pro", "prod_plan", "usd", 2000);

  private static Fixtures.Config config(String... prices) {
    return new Fixtures.Config().products(product("prod_plan", prices));
  }

  private static void assertRefused(String code, SubscriptionItem current, Price target, long quantity, Fixtures.Config c) {
    PlanChange change = PlanChange.check(current, target, quantity, c.build());
    assertEquals(code, change.refusal().orElseThrow().code());
    assertNull(change.timing());
  }

  private static void assertTiming(Timing timing, SubscriptionItem current, Price target, long quantity, Fixtures.Config c) {
    PlanChange change = PlanChange.check(current, target, quantity, c.build());
    assertEquals(java.util.Optional.empty(), change.refusal());
    assertEquals(timing, change.timing());
  }

  @Test
  void anUpgradeAppliesAtOnce() {
    assertTiming(Timing.IMMEDIATE, item(BASIC, 1), PRO, 1, config("price_basic", "price_pro").schedulingWhen("decreasing_item_amount"));
  }

  @Test
  void aDowngradeAppliesAtOnceUnlessConfiguredOtherwise() {
    assertTiming(Timing.IMMEDIATE, item(PRO, 1), BASIC, 1, config("price_basic", "price_pro"));
  }

  @Test
  void aLowerPriceWaitsForPeriodEndWhenDecreasingAmountsAreScheduled() {
    assertTiming(Timing.AT_PERIOD_END, item(PRO, 1), BASIC, 1, config("price_basic", "price_pro").schedulingWhen("decreasing_item_amount"));
  }

  @Test
  void fewerSeatsAreADecreasingAmount() {
    assertTiming(Timing.AT_PERIOD_END, item(BASIC, 5), BASIC, 4, config("price_basic").schedulingWhen("decreasing_item_amount"));
  }

  @Test
  void theItemAmountCountsNotTheUnitPrice() {
    // 3 x 10.00 = 30.00 before, 1 x 20.00 = 20.00 after: a dearer plan, yet less per period.
    assertTiming(Timing.AT_PERIOD_END, item(BASIC, 3), PRO, 1, config("price_basic", "price_pro").schedulingWhen("decreasing_item_amount"));
  }

  @Test
  void zeroDecimalYenCompareInWholeYen() {
    Price jpy1000 = monthly("price_jpy_1000", "prod_plan", "jpy", 1000);
    Price jpy980 = monthly("price_jpy_980", "prod_plan", "jpy", 980);
    Fixtures.Config c = config("price_jpy_1000", "price_jpy_980").schedulingWhen("decreasing_item_amount");
    assertTiming(Timing.AT_PERIOD_END, item(jpy1000, 1), jpy980, 1, c);
    assertTiming(Timing.IMMEDIATE, item(jpy980, 1), jpy1000, 1, c);
  }

  @Test
  void threeDecimalDinarsCompareInFils() {
    // KWD 1.500 and 1.490: 1500 and 1490 fils.
    Price kwd1500 = monthly("price_kwd_1500", "prod_plan", "kwd", 1500);
    Price kwd1490 = monthly("price_kwd_1490", "prod_plan", "kwd", 1490);
    assertTiming(Timing.AT_PERIOD_END, item(kwd1500, 1), kwd1490, 1,
        config("price_kwd_1500", "price_kwd_1490").schedulingWhen("decreasing_item_amount"));
  }

  @Test
  void subMinorUnitAmountsAreComparedExactly() {
    // 0.12345 and 0.12344 cents round to the same minor unit but are different prices.
    Price higher = price("price_hi", "prod_plan", "usd", "0.12345", "month", 1);
    Price lower = price("price_lo", "prod_plan", "usd", "0.12344", "month", 1);
    assertTiming(Timing.AT_PERIOD_END, item(higher, 1000), lower, 1000, config("price_hi", "price_lo").schedulingWhen("decreasing_item_amount"));
  }

  @Test
  void aCurrencyChangeIsRefusedEvenWhenTheNumberIsLower() {
    // 1000 yen and 5.00 dollars: numbers in different units, never compared.
    Price jpy = monthly("price_jpy", "prod_plan", "jpy", 1000);
    Price usd = monthly("price_usd", "prod_plan", "usd", 500);
    assertRefused("currency_change", item(jpy, 1), usd, 1, config("price_jpy", "price_usd").schedulingWhen("decreasing_item_amount"));
  }

  @Test
  void aShorterIntervalWaitsForPeriodEndWhenConfigured() {
    Price yearly = price("price_year", "prod_plan", "usd", "10000", "year", 1);
    Price monthly = monthly("price_month", "prod_plan", "usd", 1000);
    assertTiming(Timing.AT_PERIOD_END, item(yearly, 1), monthly, 1, config("price_year", "price_month").schedulingWhen("shortening_interval"));
    assertTiming(Timing.IMMEDIATE, item(monthly, 1), yearly, 1, config("price_year", "price_month").schedulingWhen("shortening_interval"));
  }

  @Test
  void fourWeeksIsShorterThanAMonthAndTwelveMonthsIsNotShorterThanAYear() {
    Price.Recurring fourWeeks = new Price.Recurring("week", 4, null, null, "licensed");
    Price.Recurring month = new Price.Recurring("month", 1, null, null, "licensed");
    Price.Recurring twelveMonths = new Price.Recurring("month", 12, null, null, "licensed");
    Price.Recurring year = new Price.Recurring("year", 1, null, null, "licensed");
    assertEquals(true, PlanChange.shorter(fourWeeks, month));
    assertEquals(false, PlanChange.shorter(month, fourWeeks));
    assertEquals(false, PlanChange.shorter(twelveMonths, year));
  }

  @Test
  void theTargetPriceMustBeListedForItsProduct() {
    assertRefused("price_not_offered", item(BASIC, 1), PRO, 1, config("price_basic"));
  }

  @Test
  void anInactivePriceIsNotOffered() {
    Price archived = PRO.with(false, null, PRO.metadata(), null, PRO.taxBehavior());
    assertRefused("price_not_offered", item(BASIC, 1), archived, 1, config("price_basic", "price_pro"));
  }

  @Test
  void aMeteredTargetIsRefused() {
    assertRefused("price_not_recurring", item(BASIC, 1), metered("price_usage", "prod_plan"), 1, config("price_basic", "price_usage"));
  }

  @Test
  void taxBehaviorMustMatch() {
    assertRefused("tax_behavior_mismatch", item(BASIC, 1), taxed(PRO, "inclusive"), 1, config("price_basic", "price_pro"));
  }

  @Test
  void anUnspecifiedTaxBehaviorAllowsNoPriceChangeEvenToUnspecified() {
    assertRefused("tax_behavior_unspecified", item(taxed(BASIC, "unspecified"), 1), taxed(PRO, "unspecified"), 1,
        config("price_basic", "price_pro"));
  }

  @Test
  void theTaxRuleAloneJudgesAPreparedChange() {
    // The merchant's prepared change (subscription_update_confirm) needs no listed price, only the seed's tax rule.
    assertEquals("tax_behavior_mismatch", PlanChange.taxProblem(BASIC, taxed(PRO, "inclusive")).orElseThrow().code());
    assertEquals("tax_behavior_unspecified", PlanChange.taxProblem(taxed(BASIC, "unspecified"), PRO).orElseThrow().code());
    assertEquals(java.util.Optional.empty(), PlanChange.taxProblem(BASIC, PRO));
    assertEquals(java.util.Optional.empty(), PlanChange.taxProblem(taxed(BASIC, "unspecified"), taxed(BASIC, "unspecified")), "same price");
  }

  @Test
  void anUnspecifiedTaxBehaviorStillAllowsAQuantityChange() {
    Price unspecified = taxed(BASIC, "unspecified");
    assertTiming(Timing.IMMEDIATE, item(unspecified, 1), unspecified, 2, config("price_basic"));
  }

  @Test
  void switchingPlansNeedsPriceUpdates() {
    assertRefused("price_update_not_allowed", item(BASIC, 1), PRO, 1, config("price_basic", "price_pro").allowed("quantity"));
  }

  @Test
  void changingQuantityNeedsQuantityUpdates() {
    assertRefused("quantity_update_not_allowed", item(BASIC, 1), BASIC, 2, config("price_basic", "price_pro").allowed("price"));
  }

  @Test
  void quantityWithinAdjustableBounds() {
    Fixtures.Config c = new Fixtures.Config().products(product("prod_plan", 2, 10L, "price_basic"));
    assertRefused("quantity_below_minimum", item(BASIC, 3), BASIC, 1, c);
    assertRefused("quantity_above_maximum", item(BASIC, 3), BASIC, 11, c);
    assertTiming(Timing.IMMEDIATE, item(BASIC, 3), BASIC, 10, c);
  }

  @Test
  void withoutBoundsAQuantityMustBeAtLeastOne() {
    assertRefused("quantity_below_minimum", item(BASIC, 3), BASIC, 0, config("price_basic"));
  }

  @Test
  void theSamePlanAndQuantityIsNoChange() {
    assertRefused("no_change", item(BASIC, 1), BASIC, 1, config("price_basic"));
  }

  @Test
  void theFirstFailingRuleIsReported() {
    // Another currency, unlisted and differently taxed: the currency is named first.
    Price eur = taxed(monthly("price_eur", "prod_plan", "eur", 900), "inclusive");
    assertRefused("currency_change", item(BASIC, 1), eur, 1, config("price_basic"));
  }
}
