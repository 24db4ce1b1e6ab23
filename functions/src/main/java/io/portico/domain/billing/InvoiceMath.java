package io.portico.domain.billing;

import java.util.ArrayList;
import java.util.List;

/**
 * An invoice's totals from its lines, its coupons and the customer's balance:
 *
 * <pre>  subtotal      = Σ line amounts                         (credits are negative lines)
 *  discount_i    = Discounts.amount(coupon_i, subtotal − Σ_{j&lt;i} discount_j)   in the coupons' order
 *  total         = subtotal − Σ discount_i
 *  amount_due    = max(0, total + starting_balance)
 *  ending_balance = min(0, total + starting_balance)</pre>
 *
 * The customer balance follows Stripe's sign: negative is credit the merchant owes the customer,
 * positive is debt added to the next invoice. Whatever an invoice cannot use (a negative total,
 * or a credit larger than the total) stays on the balance as {@code ending_balance}; amount_due
 * is never negative.
 */
public final class InvoiceMath {
  private InvoiceMath() {}

  /** One coupon's share of the invoice's discount (Stripe's {@code total_discount_amounts[]}). */
  public record DiscountAmount(Coupon coupon, long amount) {}

  public record Totals(
      String currency,
      long subtotal,
      List<DiscountAmount> totalDiscountAmounts,
      long total,
      long startingBalance,
      long amountDue,
      long endingBalance) {

    public Totals {
      totalDiscountAmounts = List.copyOf(totalDiscountAmounts);
    }

    public long totalDiscount() {
      return totalDiscountAmounts.stream().mapToLong(DiscountAmount::amount).sum();
    }

    /** The credit the customer keeps after this invoice (≥ 0): −ending_balance. */
    public long creditBalance() {
      return -endingBalance;
    }
  }

  public static Totals totals(String currency, List<LineItem> lines, List<Coupon> coupons) {
    return totals(currency, lines, coupons, 0);
  }

  public static Totals totals(String currency, List<LineItem> lines, List<Coupon> coupons, long startingBalance) {
    String c = Currencies.normalize(currency);
    long subtotal = 0;
    for (LineItem line : lines) {
      if (!line.currency().equals(c)) {
        throw new IllegalArgumentException("A " + line.currency() + " line cannot be on a " + c + " invoice.");
      }
      subtotal = Math.addExact(subtotal, line.amount());
    }
    // Stacked coupons apply one after another, each to what the previous ones left, so the
    // total never goes below 0 through discounts (two 10% coupons take 19%, not 20%).
    List<DiscountAmount> discounts = new ArrayList<>();
    long remaining = subtotal;
    for (Coupon coupon : coupons) {
      long d = Discounts.amount(coupon, remaining, c);
      discounts.add(new DiscountAmount(coupon, d));
      remaining -= d;
    }
    long total = remaining;
    long afterBalance = Math.addExact(total, startingBalance);
    return new Totals(c, subtotal, discounts, total, startingBalance, Math.max(0, afterBalance), Math.min(0, afterBalance));
  }
}
