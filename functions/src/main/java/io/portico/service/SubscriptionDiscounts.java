package io.portico.service;

import io.portico.domain.Coupon;
import io.portico.domain.Discount;
import io.portico.domain.Ids;
import io.portico.domain.Invoice;
import io.portico.domain.InvoiceLine;
import io.portico.domain.PromotionCode;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.billing.Discounts;
import io.portico.domain.billing.LineItem;
import io.portico.domain.billing.Period;
import io.portico.error.ApiError;
import io.portico.store.Changes;
import io.portico.store.DiscountRepository;
import io.portico.store.InvoiceRepository;
import io.portico.store.ListRequest;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subscription's discounts: reading {@code discounts[][coupon|promotion_code|discount]} on create
 * and update, starting them (the coupon or promotion code redeemed in the same unit of work as the
 * subscription change) and ending them ({@code discounts=""}), and which of them an invoice gets,
 * spread over its lines.
 */
@Singleton
public class SubscriptionDiscounts {
  /** Stripe's limit on the discounts of one subscription. */
  static final int MAX_DISCOUNTS = 20;
  /** Invoices read to tell whether a once coupon was used: a subscription invoices about once a period. */
  private static final int INVOICES_READ = 100;

  private final DiscountRepository discounts;
  private final InvoiceRepository invoices;
  private final CouponService coupons;
  private final PromotionCodeService promotionCodes;

  public SubscriptionDiscounts(DiscountRepository discounts, InvoiceRepository invoices, CouponService coupons,
      PromotionCodeService promotionCodes) {
    this.discounts = discounts;
    this.invoices = invoices;
    this.coupons = coupons;
    this.promotionCodes = promotionCodes;
  }

  /** One {@code discounts[i]}: an existing discount to keep ({@code discount}), or a new one's id and what it redeems. */
  public record Request(String id, boolean existing, String coupon, String promotionCode, String param) {}

  /**
   * What a request does to the discounts: the subscription's discount ids afterwards, the new
   * discounts to start and the ids of those that end.
   */
  public record Change(List<String> ids, List<Request> added, List<String> removed) {
    static Change none(List<String> current) {
      return new Change(current, List.of(), List.of());
    }
  }

  /** Reads {@code discounts}: null when absent (nothing changes), empty when {@code ""} (all removed). */
  static List<Request> requested(Params p) {
    if (!p.has("discounts")) return null;
    if (p.isEmptyString("discounts")) {
      p.accept("discounts");
      return List.of();
    }
    List<Params> entries = p.objectList("discounts");
    if (entries.size() > MAX_DISCOUNTS) {
      throw ApiError.invalid("parameter_invalid", "discounts", "A subscription can have at most " + MAX_DISCOUNTS + " discounts.");
    }
    List<Request> out = new ArrayList<>();
    for (Params d : entries) {
      String coupon = d.nonEmptyString("coupon", 5000);
      String promo = Checks.id(d.path("promotion_code"), d.nonEmptyString("promotion_code", 5000), "promo");
      String existing = Checks.id(d.path("discount"), d.nonEmptyString("discount", 5000), "di");
      if ((coupon == null ? 0 : 1) + (promo == null ? 0 : 1) + (existing == null ? 0 : 1) != 1) {
        throw ApiError.invalid("parameter_invalid", d.prefix(), "Each of discounts names exactly one of coupon, promotion_code and discount.");
      }
      out.add(new Request(existing != null ? existing : Ids.newId("di"), existing != null, coupon, promo, d.prefix()));
    }
    return out;
  }

  /** The change {@code requested} (from {@link #requested}) makes to discounts {@code current}; checks what needs no reads. */
  static Change plan(List<Request> requested, List<String> current) {
    if (requested == null) return Change.none(current);
    List<String> ids = new ArrayList<>();
    List<Request> added = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Request r : requested) {
      String what = r.existing() ? r.id() : r.coupon() != null ? r.coupon() : r.promotionCode();
      if (!seen.add(what)) throw ApiError.invalid("parameter_invalid", r.param(), "Each discount can be named once; " + what + " already is.");
      if (r.existing() && !current.contains(r.id())) {
        throw ApiError.invalid("parameter_invalid", r.param() + "[discount]", "The discount " + r.id() + " is not one of this subscription's.");
      }
      if (!r.existing()) added.add(r);
      ids.add(r.id());
    }
    List<String> removed = current.stream().filter(id -> !ids.contains(id)).toList();
    return new Change(List.copyOf(ids), added, removed);
  }

  /**
   * Stages {@code change} for subscription {@code s} (as it will be written): each new discount's
   * coupon or promotion code checked and redeemed, the discount stored, and the ended ones removed,
   * with Stripe's customer.discount.* events. Refuses (before anything commits) what cannot be
   * redeemed. Returns the new discounts (not readable until the commit: pass them to invoicing).
   */
  List<Discount> stage(Changes changes, RequestContext ctx, Change change, Subscription s) {
    List<Discount> started = new ArrayList<>();
    long now = ctx.now().getEpochSecond();
    for (Request r : change.added()) {
      Coupon coupon;
      String promo = null;
      if (r.coupon() != null) {
        coupon = coupons.stageRedemption(ctx, changes, r.coupon(), s.currency(), r.param() + "[coupon]");
      } else {
        PromotionCode code = promotionCodes.stageRedemptionById(ctx, changes, r.promotionCode(), s.customerId(), periodAmount(s), s.currency(),
            firstPurchase(ctx, s.customerId()), r.param() + "[promotion_code]");
        coupon = (Coupon) code.promotion().coupon();
        promo = code.id();
      }
      Long end = Discounts.end(coupon.terms(), Instant.ofEpochSecond(now)).map(Instant::getEpochSecond).orElse(null);
      Discount d = new Discount(r.id(), null, s.customerId(), null, end, null, null, promo, new Discount.Source(coupon, "coupon"), now, s.id(),
          null);
      discounts.stageInsert(changes, ctx.scope(), d, ctx.now().toEpochMilli(), ctx.event("customer.discount.created", d, null));
      started.add(d);
    }
    for (String id : change.removed()) {
      Versioned<Discount> d = discounts.find(ctx.scope(), id);
      if (d != null && !d.deleted()) discounts.stageRemoval(changes, ctx.scope(), d, ctx.event("customer.discount.deleted", d.value(), null));
    }
    return started;
  }

  /** What a full period of {@code s} costs: the amount a promotion code's minimum is measured against. */
  private static long periodAmount(Subscription s) {
    long sum = 0;
    for (SubscriptionItem i : s.items().data()) {
      Period p = new Period(Instant.ofEpochSecond(i.currentPeriodStart()), Instant.ofEpochSecond(i.currentPeriodEnd()));
      sum += LineItem.forPeriod(SubscriptionItems.unitPrice(i.price()), i.quantity(), p).amount();
    }
    return sum;
  }

  /** Whether the customer has never paid an invoice (a promotion code's first_time_transaction). */
  private boolean firstPurchase(RequestContext ctx, String customer) {
    return invoices.list(ctx.scope(), customer, null, "paid", null, new ListRequest(1, null, null)).data().isEmpty();
  }

  /**
   * The discounts of {@code s} that still apply to an invoice for {@code period}: {@code staged}
   * are discounts started in the same unit of work; the others are read. Once coupons apply to
   * the first invoice after they start, repeating ones until their end, forever ones always.
   */
  List<Discount> applying(RequestContext ctx, Subscription s, List<Discount> staged, Period period) {
    return applying(ctx, s, staged, period, Set.of());
  }

  /** As above, counting the discounts in {@code used} as used by an invoice not written yet. */
  List<Discount> applying(RequestContext ctx, Subscription s, List<Discount> staged, Period period, Set<String> used) {
    List<Discount> out = new ArrayList<>();
    for (String id : s.discounts()) {
      Discount d = staged.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
      if (d == null) {
        Versioned<Discount> found = discounts.find(ctx.scope(), id);
        if (found == null || found.deleted()) continue;
        d = found.value();
      }
      var terms = d.coupon().terms();
      boolean once = terms.duration() == io.portico.domain.billing.Coupon.Duration.ONCE;
      boolean usedOnce = once && (used.contains(d.id()) || usedBy(ctx, s.id(), d.id()));
      if (Discounts.appliesTo(terms, Instant.ofEpochSecond(d.start()), period.start(), usedOnce)) out.add(d);
    }
    return out;
  }

  private boolean usedBy(RequestContext ctx, String subscription, String discount) {
    return invoices.list(ctx.scope(), null, subscription, null, null, new ListRequest(INVOICES_READ, null, null)).data().stream()
        .anyMatch(i -> i.discounts().contains(discount));
  }

  /** An invoice's discounts spread over its lines: the lines with their discount_amounts, and each discount's total. */
  record Applied(List<InvoiceLine> lines, List<Invoice.DiscountAmount> totals) {
    /** The totals as amount_off coupons, for {@link io.portico.domain.billing.InvoiceMath} to subtract. */
    List<io.portico.domain.billing.Coupon> asCoupons(String currency) {
      return totals.stream().filter(t -> t.amount() > 0).map(t -> io.portico.domain.billing.Coupon.amountOff(t.amount(), currency)).toList();
    }
  }

  /**
   * Applies {@code active} in order, each to what the earlier ones left of the lines it covers
   * (all, or those of its coupon's {@code applies_to.products}): its amount is
   * {@link Discounts#amount} of that remainder, shared over those lines in proportion to what
   * is left of each (the last line takes the rounding rest), so line discounts add up to the total.
   */
  static Applied apply(List<Discount> active, List<InvoiceLine> lines, String currency) {
    long[] left = lines.stream().mapToLong(InvoiceLine::amount).toArray();
    List<List<Invoice.DiscountAmount>> perLine = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) perLine.add(new ArrayList<>());
    List<Invoice.DiscountAmount> totals = new ArrayList<>();
    for (Discount d : active) {
      Coupon.AppliesTo to = d.coupon().appliesTo();
      List<Integer> covered = new ArrayList<>();
      long base = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (to != null && !to.products().contains(lines.get(i).pricing().priceDetails().product())) continue;
        covered.add(i);
        base += left[i];
      }
      long amount = Discounts.amount(d.coupon().terms(), base, currency);
      totals.add(new Invoice.DiscountAmount(amount, d.id()));
      List<Integer> sharing = covered.stream().filter(i -> left[i] > 0).toList();
      long weight = sharing.stream().mapToLong(i -> left[i]).sum();
      long given = 0;
      for (int k = 0; k < sharing.size(); k++) {
        int i = sharing.get(k);
        long share = k == sharing.size() - 1 ? amount - given
            : BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(left[i])).divide(BigDecimal.valueOf(weight), 0, RoundingMode.HALF_UP)
                .longValueExact();
        given += share;
        left[i] -= share;
        perLine.get(i).add(new Invoice.DiscountAmount(share, d.id()));
      }
    }
    List<InvoiceLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) out.add(withDiscountAmounts(lines.get(i), perLine.get(i)));
    return new Applied(out, totals);
  }

  private static InvoiceLine withDiscountAmounts(InvoiceLine l, List<Invoice.DiscountAmount> amounts) {
    return new InvoiceLine(l.id(), l.amount(), l.currency(), l.description(), List.copyOf(amounts), l.discountable(), l.discounts(), l.invoice(),
        l.livemode(), l.metadata(), l.parent(), l.period(), l.pretaxCreditAmounts(), l.pricing(), l.quantity(), l.subscription(), l.subtotal(),
        l.taxes());
  }
}
