package io.portico.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.domain.billing.InvoiceMath.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceMathTest {
  private static final Recurrence MONTHLY = Recurrence.of("month", 1);
  private static final Period MAY = new Period(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"));

  private static LineItem line(long amount, String currency) {
    return LineItem.forPeriod(UnitPrice.of(amount, currency, MONTHLY), 1, MAY);
  }

  @Test
  void hundredPercentCoupon() {
    // Subtotal 5000; 100% off = 5000 × 100/100 = 5000; total 0; nothing due, no credit.
    Coupon all = Coupon.percentOff(new BigDecimal("100"));
    Totals t = InvoiceMath.totals("usd", List.of(line(5000, "usd")), List.of(all));
    assertEquals(5000, t.subtotal());
    assertEquals(List.of(new InvoiceMath.DiscountAmount(all, 5000)), t.totalDiscountAmounts());
    assertEquals(0, t.total());
    assertEquals(0, t.amountDue());
    assertEquals(0, t.creditBalance());
  }

  @Test
  void fixedAmountCouponLargerThanTheSubtotal() {
    // Subtotal 1200 ($12); $50 off is capped at 1200; total 0; the other $38 is not turned into credit.
    Totals t = InvoiceMath.totals("usd", List.of(line(1200, "usd")), List.of(Coupon.amountOff(5000, "usd")));
    assertEquals(1200, t.totalDiscount());
    assertEquals(0, t.total());
    assertEquals(0, t.amountDue());
    assertEquals(0, t.creditBalance());
  }

  @Test
  void stackedCouponsApplyInOrderToWhatIsLeft() {
    // 10000: 10% -> 1000, leaves 9000; 10% of 9000 -> 900; total 8100 (19% off, not 20%).
    Totals t = InvoiceMath.totals("usd", List.of(line(10000, "usd")),
        List.of(Coupon.percentOff(BigDecimal.TEN), Coupon.percentOff(BigDecimal.TEN)));
    assertEquals(List.of(1000L, 900L), t.totalDiscountAmounts().stream().map(InvoiceMath.DiscountAmount::amount).toList());
    assertEquals(8100, t.total());
    // $30 off then 50%: 10000 - 3000 = 7000; 50% of 7000 = 3500; total 3500.
    Totals u = InvoiceMath.totals("usd", List.of(line(10000, "usd")),
        List.of(Coupon.amountOff(3000, "usd"), Coupon.percentOff(new BigDecimal("50"))));
    assertEquals(3500, u.total());
  }

  @Test
  void creditsAndCustomerBalance() {
    // Lines 5000 and -1500 (a credit): subtotal 3500; an existing credit of 1000 (balance -1000) -> 2500 due.
    Totals t = InvoiceMath.totals("usd", List.of(line(5000, "usd"), withAmount(-1500)), List.of(), -1000);
    assertEquals(3500, t.subtotal());
    assertEquals(3500, t.total());
    assertEquals(2500, t.amountDue());
    assertEquals(0, t.endingBalance());
    // Total 1000 against a credit of 1500: nothing due, 500 of credit left.
    Totals u = InvoiceMath.totals("usd", List.of(line(1000, "usd")), List.of(), -1500);
    assertEquals(0, u.amountDue());
    assertEquals(-500, u.endingBalance());
    assertEquals(500, u.creditBalance());
    // A debt of 700 on the balance is added: 1000 + 700 = 1700 due.
    assertEquals(1700, InvoiceMath.totals("usd", List.of(line(1000, "usd")), List.of(), 700).amountDue());
  }

  @Test
  void negativeSubtotalGetsNoDiscountAndBecomesCredit() {
    // -2667 with a 50% coupon: no discount on a credit; total -2667; due 0; credit 2667.
    Totals t = InvoiceMath.totals("usd", List.of(withAmount(-2667)), List.of(Coupon.percentOff(new BigDecimal("50"))));
    assertEquals(0, t.totalDiscount());
    assertEquals(-2667, t.total());
    assertEquals(0, t.amountDue());
    assertEquals(2667, t.creditBalance());
  }

  @Test
  void linesMustShareTheInvoiceCurrency() {
    assertThrows(IllegalArgumentException.class, () -> InvoiceMath.totals("usd", List.of(line(1000, "eur")), List.of()));
  }

  private static LineItem withAmount(long amount) {
    return new LineItem(LineItem.Kind.UNUSED_TIME, amount, "usd", MAY, 1, BigDecimal.ZERO);
  }
}
