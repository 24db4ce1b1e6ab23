package io.portico.domain.portal;

import io.portico.domain.PortalConfiguration;
import io.portico.domain.PortalConfiguration.AdjustableQuantity;
import io.portico.domain.Price;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.billing.Interval;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a customer may move one subscription item to {@code target} at {@code quantity}, and if
 * so whether the change applies now or is scheduled for the end of the period (the configuration's
 * {@code schedule_at_period_end} conditions). Call it for a subscription {@link SubscriptionActions}
 * allows to update.
 *
 * @param timing when the change takes effect; null when refused
 */
public record PlanChange(Optional<Reason> refusal, Timing timing) {

  public enum Timing { IMMEDIATE, AT_PERIOD_END }

  public boolean allowed() {
    return refusal.isEmpty();
  }

  private static PlanChange refused(Reason reason) {
    return new PlanChange(Optional.of(reason), null);
  }

  public static PlanChange check(SubscriptionItem current, Price target, long quantity, PortalConfiguration c) {
    Price from = current.price();
    boolean priceChanges = !from.id().equals(target.id());
    boolean quantityChanges = quantity != current.quantity();
    if (!priceChanges && !quantityChanges) return refused(Reason.NO_CHANGE);
    if (priceChanges) {
      Optional<Reason> problem = priceProblem(from, target, c);
      if (problem.isPresent()) return refused(problem.get());
    }
    if (quantityChanges) {
      Optional<Reason> problem = quantityProblem(target, quantity, c);
      if (problem.isPresent()) return refused(problem.get());
    }
    return new PlanChange(Optional.empty(), scheduled(current, target, quantity, c) ? Timing.AT_PERIOD_END : Timing.IMMEDIATE);
  }

  private static Optional<Reason> priceProblem(Price from, Price target, PortalConfiguration c) {
    if (!Offers.allows(c, Offers.PRICE)) return Optional.of(Reason.PRICE_UPDATE_NOT_ALLOWED);
    // Amounts in two currencies cannot be compared or prorated against each other.
    if (!from.currency().equalsIgnoreCase(target.currency())) return Optional.of(Reason.CURRENCY_CHANGE);
    boolean listed = Offers.product(c, target.productId()).map(p -> p.prices().contains(target.id())).orElse(false);
    if (!listed || !target.active()) return Optional.of(Reason.PRICE_NOT_OFFERED);
    if (target.recurring() == null || SubscriptionActions.metered(target)) return Optional.of(Reason.PRICE_NOT_RECURRING);
    return taxProblem(from, target);
  }

  /**
   * Seed 001's tax rule for moving an item from price {@code from} to {@code target}: the same
   * {@code tax_behavior}, and no change at all from an unspecified one (even to another unspecified
   * one). Also applies to a change the merchant prepared (the subscription_update_confirm flow).
   */
  public static Optional<Reason> taxProblem(Price from, Price target) {
    if (from.id().equals(target.id())) return Optional.empty();
    if (from.taxBehavior() == null || "unspecified".equals(from.taxBehavior())) return Optional.of(Reason.TAX_BEHAVIOR_UNSPECIFIED);
    if (!from.taxBehavior().equals(target.taxBehavior())) return Optional.of(Reason.TAX_BEHAVIOR_MISMATCH);
    return Optional.empty();
  }

  /**
   * Bounds come from the target product's {@code adjustable_quantity} when it is enabled; otherwise
   * any quantity of at least 1 (a subscription item of quantity 0 bills nothing and is a cancellation in disguise).
   */
  private static Optional<Reason> quantityProblem(Price target, long quantity, PortalConfiguration c) {
    if (!Offers.allows(c, Offers.QUANTITY)) return Optional.of(Reason.QUANTITY_UPDATE_NOT_ALLOWED);
    AdjustableQuantity bounds = Offers.product(c, target.productId()).map(PortalConfiguration.Product::adjustableQuantity)
        .filter(q -> q != null && q.enabled()).orElse(null);
    long minimum = bounds == null ? 1 : Math.max(1, bounds.minimum());
    if (quantity < minimum) return Optional.of(Reason.quantityBelowMinimum(minimum));
    if (bounds != null && bounds.maximum() != null && quantity > bounds.maximum()) {
      return Optional.of(Reason.quantityAboveMaximum(bounds.maximum()));
    }
    return Optional.empty();
  }

  private static boolean scheduled(SubscriptionItem current, Price target, long quantity, PortalConfiguration c) {
    return Offers.schedulesWhen(c, "decreasing_item_amount") && decreasing(current, target, quantity)
        || Offers.schedulesWhen(c, "shortening_interval") && shorter(target.recurring(), current.price().recurring());
  }

  /**
   * Whether the item's amount per period drops (a lower price, a smaller quantity, or both).
   * Compared in minor units of the one currency both share (a currency change is refused before),
   * so JPY (no decimals) and KWD (three) compare like any other. A tiered price has no single unit
   * amount: the change then counts as not decreasing and applies at once.
   */
  private static boolean decreasing(SubscriptionItem current, Price target, long quantity) {
    Optional<BigDecimal> before = unitAmount(current.price()).map(a -> a.multiply(BigDecimal.valueOf(current.quantity())));
    Optional<BigDecimal> after = unitAmount(target).map(a -> a.multiply(BigDecimal.valueOf(quantity)));
    return before.isPresent() && after.isPresent() && after.get().compareTo(before.get()) < 0;
  }

  private static Optional<BigDecimal> unitAmount(Price p) {
    if (p.unitAmountDecimal() != null) return Optional.of(p.exactUnitAmount());
    return Optional.ofNullable(p.unitAmount()).map(BigDecimal::valueOf);
  }

  /** Whether period {@code a} is shorter than {@code b}: count/perYear compared by cross-multiplying (4 weeks is shorter than a month). */
  static boolean shorter(Price.Recurring a, Price.Recurring b) {
    long aTimesB = a.intervalCount() * Interval.of(b.interval()).perYear();
    long bTimesA = b.intervalCount() * Interval.of(a.interval()).perYear();
    return aTimesB < bTimesA;
  }
}
