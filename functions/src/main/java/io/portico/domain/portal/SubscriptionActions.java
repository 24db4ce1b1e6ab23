package io.portico.domain.portal;

import io.portico.domain.PaymentMethod;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.Price;
import io.portico.domain.Subscription;
import io.portico.domain.SubscriptionItem;
import io.portico.domain.payments.PaymentMethodTypes;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a customer may do with one subscription in the portal: change it (and which kinds of
 * change), cancel it, renew it (withdraw a cancellation at period end), or nothing, with the first
 * reason each refused action is refused for.
 *
 * @param updateKinds what may be changed, from {@code price}, {@code quantity}, {@code promotion_code}; empty when no update
 */
public record SubscriptionActions(
    Mode mode, Set<String> updateKinds, boolean canCancel, boolean canRenew, Optional<Reason> updateRefusal, Optional<Reason> cancelRefusal) {

  /** The headline for the UI: the most a customer can do. UPDATE may come with or without cancel ({@link #canCancel}). */
  public enum Mode { UPDATE, CANCEL_ONLY, RENEW, NOTHING }

  private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

  /**
   * @param paymentMethod the payment method the subscription is charged with (its own default, else the customer's), if any
   * @param hasPendingSchedule whether a subscription schedule with changes yet to come is attached
   * @param now seconds since the epoch (the test clock's time when the customer has one)
   */
  public static SubscriptionActions of(
      Subscription s, PortalConfiguration c, Optional<PaymentMethod> paymentMethod, boolean hasPendingSchedule, long now) {
    if (ENDED.contains(s.status())) {
      return new SubscriptionActions(Mode.NOTHING, Set.of(), false, false, Optional.of(Reason.SUBSCRIPTION_ENDED),
          Optional.of(Reason.SUBSCRIPTION_ENDED));
    }
    if (cancellationPending(s)) {
      // Already cancelling: the only thing left is to take it back, and only while the paid period lasts.
      boolean renew = now < cancellationTime(s);
      Reason why = renew ? Reason.CANCELLATION_PENDING : Reason.SUBSCRIPTION_ENDED;
      return new SubscriptionActions(renew ? Mode.RENEW : Mode.NOTHING, Set.of(), false, renew, Optional.of(why), Optional.of(why));
    }
    Optional<Reason> cancelRefusal =
        c.features().subscriptionCancel().enabled() ? Optional.empty() : Optional.of(Reason.CANCEL_DISABLED);
    Optional<Reason> updateRefusal = updateRefusal(s, c, paymentMethod, hasPendingSchedule);
    Set<String> kinds = updateRefusal.isPresent() ? Set.of() : updateKinds(s, c);
    if (updateRefusal.isEmpty() && kinds.isEmpty()) updateRefusal = Optional.of(Reason.NOTHING_TO_UPDATE);
    Mode mode = updateRefusal.isEmpty() ? Mode.UPDATE : cancelRefusal.isEmpty() ? Mode.CANCEL_ONLY : Mode.NOTHING;
    return new SubscriptionActions(mode, kinds, cancelRefusal.isEmpty(), false, updateRefusal, cancelRefusal);
  }

  /**
   * Why renewing is refused, when it is: the subscription (or the period it was paid for) has
   * ended, or it is not set to end at all. Renewing is the seed's "verlängern" and needs no
   * feature switch of its own: it withdraws a cancellation while the paid period lasts.
   */
  public Optional<Reason> renewRefusal() {
    if (canRenew) return Optional.empty();
    return Optional.of(Reason.SUBSCRIPTION_ENDED.equals(cancelRefusal.orElse(null)) ? Reason.SUBSCRIPTION_ENDED : Reason.NOT_CANCELLING);
  }

  /** The first rule that stops an update, in the seed's order after the merchant's own switch. */
  private static Optional<Reason> updateRefusal(
      Subscription s, PortalConfiguration c, Optional<PaymentMethod> paymentMethod, boolean hasPendingSchedule) {
    List<SubscriptionItem> items = s.items().data();
    if (!Offers.update(c).enabled()) return Optional.of(Reason.UPDATE_DISABLED);
    if (items.stream().map(i -> i.price().productId()).distinct().count() > 1) return Optional.of(Reason.MULTIPLE_PRODUCTS);
    if (items.stream().anyMatch(i -> metered(i.price()))) return Optional.of(Reason.METERED_PRICE);
    if ("send_invoice".equals(s.collectionMethod())) return Optional.of(Reason.SEND_INVOICE);
    // A type the portal does not know, or one that cannot pay in the subscription's currency.
    if (paymentMethod.isPresent() && !PaymentMethodTypes.acceptsCurrency(paymentMethod.get().type(), s.currency())) {
      return Optional.of(Reason.UNSUPPORTED_PAYMENT_METHOD);
    }
    if (hasPendingSchedule) return Optional.of(Reason.PENDING_SCHEDULE);
    if (items.isEmpty() || Offers.product(c, items.get(0).price().productId()).isEmpty()) return Optional.of(Reason.PRODUCT_NOT_OFFERED);
    return Optional.empty();
  }

  /** The configured kinds that have something to choose: a plan switch needs another listed price to switch to. */
  private static Set<String> updateKinds(Subscription s, PortalConfiguration c) {
    String currentPrice = s.items().data().get(0).price().id();
    Set<String> kinds = new TreeSet<>();
    boolean otherPrice = Offers.products(c).stream().flatMap(p -> p.prices().stream()).anyMatch(id -> !id.equals(currentPrice));
    if (Offers.allows(c, Offers.PRICE) && otherPrice) kinds.add(Offers.PRICE);
    if (Offers.allows(c, Offers.QUANTITY)) kinds.add(Offers.QUANTITY);
    // A promotion code comes with a change; alone it would be a discount the merchant did not offer.
    if (!kinds.isEmpty() && Offers.allows(c, Offers.PROMOTION_CODE)) kinds.add(Offers.PROMOTION_CODE);
    return Collections.unmodifiableSet(kinds); // sorted, so the API lists them in a stable order
  }

  static boolean metered(Price p) {
    return p.recurring() != null && ("metered".equals(p.recurring().usageType()) || p.recurring().meter() != null);
  }

  private static boolean cancellationPending(Subscription s) {
    return s.cancelAtPeriodEnd() || s.cancelAt() != null;
  }

  /** When a pending cancellation takes effect: its date, else the end of the current period. */
  private static long cancellationTime(Subscription s) {
    if (s.cancelAt() != null) return s.cancelAt();
    return s.items().data().stream().mapToLong(SubscriptionItem::currentPeriodEnd).max().orElse(0);
  }
}
