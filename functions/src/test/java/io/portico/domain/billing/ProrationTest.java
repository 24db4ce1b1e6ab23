package io.portico.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.billing.LineItem.Kind;
import io.portico.domain.billing.Proration.Item;
import io.portico.domain.billing.Proration.Result;
import io.portico.domain.billing.Proration.TrialUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProrationTest {
  private static final Recurrence MONTHLY = Recurrence.of("month", 1);
  private static final Recurrence YEARLY = Recurrence.of("year", 1);
  /** April 2024: a 30-day period, 30 × 86,400 = 2,592,000 seconds. */
  private static final Period APRIL = new Period(utc("2024-04-01T00:00:00Z"), utc("2024-05-01T00:00:00Z"));
  /** 15 days used, 15 days (1,296,000 s) left: fraction 1/2. */
  private static final Instant APRIL_16 = utc("2024-04-16T00:00:00Z");
  /** 10 days used, 20 days (1,728,000 s) left: fraction 2/3. */
  private static final Instant APRIL_11 = utc("2024-04-11T00:00:00Z");

  private static Instant utc(String iso) {
    return Instant.parse(iso);
  }

  private static Item item(long unitAmount, String currency, Recurrence recurring, long quantity) {
    return new Item(UnitPrice.of(unitAmount, currency, recurring), quantity);
  }

  @Test
  void monthlyToYearlyUpgradeMidPeriod() {
    // $10/month -> $100/year, 15 days into a 30-day month.
    // Credit: -(1000 × 1 × 15/30) = -500. New price: full year, 10000, for [Apr 16 2024, Apr 16 2025).
    Result r = Proration.change(item(1000, "usd", MONTHLY, 1), item(10000, "usd", YEARLY, 1),
        APRIL, APRIL_16, ProrationBehavior.CREATE_PRORATIONS);

    Period newYear = new Period(APRIL_16, utc("2025-04-16T00:00:00Z"));
    assertEquals(List.of(
        new LineItem(Kind.UNUSED_TIME, -500, "usd", new Period(APRIL_16, APRIL.end()), 1, BigDecimal.valueOf(1000)),
        new LineItem(Kind.PERIOD, 10000, "usd", newYear, 1, BigDecimal.valueOf(10000))), r.lines());
    assertTrue(r.lines().get(0).proration());
    assertFalse(r.lines().get(1).proration()); // the new period is a regular charge, not a proration
    assertEquals(newYear, r.period());
    assertTrue(r.billingCycleReset()); // billing_cycle_anchor is now Apr 16
    assertTrue(r.invoiceNow());        // even with create_prorations: the new period starts now

    // Invoice: 10000 - 500 = 9500 ($95.00) due now.
    assertEquals(9500, InvoiceMath.totals("usd", r.lines(), List.of()).amountDue());
  }

  @Test
  void intervalChangeWithoutProrationStillBillsTheNewPeriod() {
    // none drops the credit only: the anchor still resets and the year (10000) is charged in full.
    Result r = Proration.change(item(1000, "usd", MONTHLY, 1), item(10000, "usd", YEARLY, 1),
        APRIL, APRIL_16, ProrationBehavior.NONE);
    assertEquals(1, r.lines().size());
    assertEquals(Kind.PERIOD, r.lines().get(0).kind());
    assertEquals(10000, r.lines().get(0).amount());
    assertTrue(r.billingCycleReset());
  }

  @Test
  void billingCycleAnchorNowRestartsTheCycleOnTheSameInterval() {
    // Basic $10/month -> Pro $20/month on April 16 with billing_cycle_anchor=now: the unused half of Basic is
    // credited (-500) and Pro is charged for a full new month [Apr 16, May 16): 2000, invoiced now.
    Result r = Proration.change(item(1000, "usd", MONTHLY, 1), item(2000, "usd", MONTHLY, 1),
        APRIL, APRIL_16, ProrationBehavior.CREATE_PRORATIONS, true);
    Period fresh = new Period(APRIL_16, utc("2024-05-16T00:00:00Z"));
    assertEquals(List.of(
        new LineItem(Kind.UNUSED_TIME, -500, "usd", new Period(APRIL_16, APRIL.end()), 1, BigDecimal.valueOf(1000)),
        new LineItem(Kind.PERIOD, 2000, "usd", fresh, 1, BigDecimal.valueOf(2000))), r.lines());
    assertEquals(fresh, r.period());
    assertTrue(r.billingCycleReset());
    assertTrue(r.invoiceNow());
    // none drops the credit only, as for an interval change.
    Result none = Proration.change(item(1000, "usd", MONTHLY, 1), item(2000, "usd", MONTHLY, 1),
        APRIL, APRIL_16, ProrationBehavior.NONE, true);
    assertEquals(List.of(new LineItem(Kind.PERIOD, 2000, "usd", fresh, 1, BigDecimal.valueOf(2000))), none.lines());
  }

  @Test
  void quantityFiveToThreeOnDayTen() {
    // $20/seat, 5 seats -> 3 seats, 10 days into a 30-day period (20 days left).
    // Credit: -(2000 × 5 × 20/30) = -200000/30 = -6666.67 -> -6667 (half-up, away from zero).
    // Charge:   2000 × 3 × 20/30  = 120000/30  =  4000.
    // (Rounding the fraction first, 0.67, would give -6700: the fraction is kept exact.)
    Result r = Proration.change(item(2000, "usd", MONTHLY, 5), item(2000, "usd", MONTHLY, 3),
        APRIL, APRIL_11, ProrationBehavior.CREATE_PRORATIONS);

    Period rest = new Period(APRIL_11, APRIL.end());
    assertEquals(List.of(
        new LineItem(Kind.UNUSED_TIME, -6667, "usd", rest, 5, BigDecimal.valueOf(2000)),
        new LineItem(Kind.REMAINING_TIME, 4000, "usd", rest, 3, BigDecimal.valueOf(2000))), r.lines());
    assertTrue(r.lines().stream().allMatch(LineItem::proration));
    assertEquals(APRIL, r.period());
    assertFalse(r.billingCycleReset());
    assertFalse(r.invoiceNow()); // pending until the next invoice

    // On their own the lines net to -6667 + 4000 = -2667: nothing due, $26.67 of credit.
    InvoiceMath.Totals t = InvoiceMath.totals("usd", r.lines(), List.of());
    assertEquals(-2667, t.total());
    assertEquals(0, t.amountDue());
    assertEquals(2667, t.creditBalance());
  }

  @Test
  void alwaysInvoiceHasTheSameLinesInvoicedNow() {
    Result pending = Proration.change(item(2000, "usd", MONTHLY, 5), item(2000, "usd", MONTHLY, 3),
        APRIL, APRIL_11, ProrationBehavior.CREATE_PRORATIONS);
    Result now = Proration.change(item(2000, "usd", MONTHLY, 5), item(2000, "usd", MONTHLY, 3),
        APRIL, APRIL_11, ProrationBehavior.ALWAYS_INVOICE);
    assertEquals(pending.lines(), now.lines());
    assertTrue(now.invoiceNow());
  }

  @Test
  void downgradeWithProrationBehaviorNoneHasNoLines() {
    // $20/month -> $10/month on day 10 with none: no credit, no charge; $10 applies from May 1.
    Result r = Proration.change(item(2000, "usd", MONTHLY, 1), item(1000, "usd", MONTHLY, 1),
        APRIL, APRIL_11, ProrationBehavior.NONE);
    assertEquals(List.of(), r.lines());
    assertEquals(APRIL, r.period());
    assertFalse(r.billingCycleReset());
    assertFalse(r.invoiceNow());
  }

  @Test
  void yenIsZeroDecimalAndRoundsHalfUp() {
    // ¥1,001/month -> ¥1,501/month at half time (15 of 30 days left). ¥ has no minor unit: 1 = ¥1.
    // Credit: -(1001 × 1/2) = -500.5 -> -501 (half away from zero).
    // Charge:   1501 × 1/2  =  750.5 ->  751.
    // Net: 751 - 501 = ¥250.
    Result r = Proration.change(item(1001, "jpy", MONTHLY, 1), item(1501, "jpy", MONTHLY, 1),
        APRIL, APRIL_16, ProrationBehavior.CREATE_PRORATIONS);
    assertEquals(List.of(-501L, 751L), r.lines().stream().map(LineItem::amount).toList());
    InvoiceMath.Totals t = InvoiceMath.totals("jpy", r.lines(), List.of());
    assertEquals(250, t.amountDue());
    assertEquals("250 JPY", Currencies.format(t.amountDue(), "jpy"));
  }

  @Test
  void kuwaitiDinarIsThreeDecimalAndRoundsHalfUp() {
    // 1.005 KWD/month (1005 fils) -> 3.001 KWD/month (3001 fils) at half time.
    // Credit: -(1005 × 1/2) = -502.5  -> -503.
    // Charge:   3001 × 1/2  = 1500.5  -> 1501.
    // Net: 1501 - 503 = 998 fils = 0.998 KWD, which a payment cannot collect as is (last digit not 0).
    Result r = Proration.change(item(1005, "kwd", MONTHLY, 1), item(3001, "kwd", MONTHLY, 1),
        APRIL, APRIL_16, ProrationBehavior.CREATE_PRORATIONS);
    assertEquals(List.of(-503L, 1501L), r.lines().stream().map(LineItem::amount).toList());
    long due = InvoiceMath.totals("kwd", r.lines(), List.of()).amountDue();
    assertEquals(998, due);
    assertEquals("0.998 KWD", Currencies.format(due, "kwd"));
    assertFalse(Currencies.isChargeable(due, "kwd"));
  }

  @Test
  void changeDuringTrialThatEndsTheTrial() {
    // Trial Mar 1 - Mar 15 on $10/month; switch to $30/month on Mar 5 and end the trial.
    // The trial billed 0, so the credit would be 0: no credit line at all.
    // The new price is charged in full for a fresh period: 3000 for [Mar 5, Apr 5).
    Period trial = new Period(utc("2024-03-01T00:00:00Z"), utc("2024-03-15T00:00:00Z"));
    Instant at = utc("2024-03-05T00:00:00Z");
    Result r = Proration.changeDuringTrial(item(1000, "usd", MONTHLY, 1), item(3000, "usd", MONTHLY, 1),
        trial, at, TrialUpdate.END_TRIAL);

    Period fresh = new Period(at, utc("2024-04-05T00:00:00Z"));
    assertEquals(List.of(new LineItem(Kind.PERIOD, 3000, "usd", fresh, 1, BigDecimal.valueOf(3000))), r.lines());
    assertEquals(fresh, r.period());
    assertTrue(r.billingCycleReset());
    assertTrue(r.invoiceNow());
  }

  @Test
  void changeDuringTrialThatContinuesTheTrial() {
    // Same change, trial continues: nothing now; the new price bills [Mar 15, Apr 15) = 3000 at the trial's end.
    Period trial = new Period(utc("2024-03-01T00:00:00Z"), utc("2024-03-15T00:00:00Z"));
    Item to = item(3000, "usd", MONTHLY, 1);
    Result r = Proration.changeDuringTrial(item(1000, "usd", MONTHLY, 1), to, trial, utc("2024-03-05T00:00:00Z"),
        TrialUpdate.CONTINUE_TRIAL);
    assertEquals(List.of(), r.lines());
    assertEquals(trial, r.period());
    assertFalse(r.invoiceNow());

    Period first = BillingPeriods.currentPeriod(trial.end(), to.price().recurring(), trial.end());
    assertEquals(new Period(utc("2024-03-15T00:00:00Z"), utc("2024-04-15T00:00:00Z")), first);
    assertEquals(3000, LineItem.forPeriod(to.price(), to.quantity(), first).amount());
  }

  @Test
  void prorationIsToTheSecond() {
    // $1,000,000/month changed one second after mid-April: 1,295,999 of 2,592,000 seconds left.
    // 100,000,000 × 1,295,999 / 2,592,000 = 49,999,961.419... -> 49,999,961.
    long amount = Proration.remainingTimeAmount(BigDecimal.valueOf(100_000_000), 1, APRIL, utc("2024-04-16T00:00:01Z"));
    assertEquals(49_999_961, amount);
    // At the very start the whole period is left: the full price.
    assertEquals(2000 * 5, Proration.remainingTimeAmount(BigDecimal.valueOf(2000), 5, APRIL, APRIL.start()));
  }

  @Test
  void decimalUnitAmountsRoundOnceAtTheLine() {
    // unit_amount_decimal 0.4 cents per seat, 5 seats: 0.4 × 5 = 2.0 -> 2 cents.
    // (Rounding per seat first would give 0 × 5 = 0.)
    UnitPrice price = UnitPrice.ofDecimal("0.4", "usd", MONTHLY);
    assertEquals(2, LineItem.forPeriod(price, 5, APRIL).amount());
    // Twelve decimal places: 0.000000000001 × 500,000,000,000 seats = 0.5 -> 1 (half-up).
    UnitPrice tiny = UnitPrice.ofDecimal("0.000000000001", "usd", MONTHLY);
    assertEquals(1, LineItem.forPeriod(tiny, 500_000_000_000L, APRIL).amount());
    // Proration with a decimal price: 12.5 × 3 seats × 20/30 = 25 exactly.
    Result r = Proration.change(new Item(UnitPrice.ofDecimal("12.5", "usd", MONTHLY), 3), item(0, "usd", MONTHLY, 3),
        APRIL, APRIL_11, ProrationBehavior.CREATE_PRORATIONS);
    assertEquals(List.of(-25L), r.lines().stream().map(LineItem::amount).toList()); // the free new price's 0 charge is left out

    assertThrows(IllegalArgumentException.class, () -> UnitPrice.ofDecimal("0.0000000000001", "usd", MONTHLY));
  }

  @Test
  void refusesWhatStripeRefuses() {
    assertThrows(IllegalArgumentException.class, () -> Proration.change(item(1000, "usd", MONTHLY, 1),
        item(1000, "eur", MONTHLY, 1), APRIL, APRIL_16, ProrationBehavior.CREATE_PRORATIONS));
    // The period's end belongs to the next period.
    assertThrows(IllegalArgumentException.class, () -> Proration.change(item(1000, "usd", MONTHLY, 1),
        item(2000, "usd", MONTHLY, 1), APRIL, APRIL.end(), ProrationBehavior.CREATE_PRORATIONS));
    assertThrows(IllegalArgumentException.class, () -> item(1000, "usd", MONTHLY, -1));
    assertEquals(ProrationBehavior.ALWAYS_INVOICE, ProrationBehavior.of("always_invoice"));
    assertThrows(IllegalArgumentException.class, () -> ProrationBehavior.of("sometimes"));
  }
}
