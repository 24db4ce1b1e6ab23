package io.portico.domain.portal;

import io.portico.domain.PaymentMethod;
import io.portico.domain.Subscription;
import io.portico.domain.payments.PaymentMethodTypes;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whether a customer may remove a payment method: while a subscription charges them automatically,
 * at least one payment method that can pay it must remain, so a new one is added before the old one
 * goes (seed 003, SPEC.md "Payment methods").
 */
public final class PaymentMethodRemoval {
  /** The statuses in which a subscription will still try to charge the customer. */
  private static final Set<String> CHARGING = Set.of("active", "trialing", "past_due", "unpaid");

  private PaymentMethodRemoval() {}

  /**
   * @param customerMethods all the customer's payment methods, including {@code toRemove}
   * @param subscriptions the customer's subscriptions (any status; ended and invoiced ones need no payment method)
   */
  public static Verdict check(PaymentMethod toRemove, List<PaymentMethod> customerMethods, Collection<Subscription> subscriptions) {
    if (customerMethods.stream().noneMatch(m -> m.id().equals(toRemove.id()))) return Verdict.refused(Reason.PAYMENT_METHOD_NOT_FOUND);
    List<PaymentMethod> remaining = customerMethods.stream().filter(m -> !m.id().equals(toRemove.id())).toList();
    boolean stranded = subscriptions.stream().filter(PaymentMethodRemoval::charges)
        .anyMatch(s -> remaining.stream().noneMatch(m -> PaymentMethodTypes.acceptsCurrency(m.type(), s.currency())));
    return stranded ? Verdict.refused(Reason.LAST_CHARGEABLE_PAYMENT_METHOD) : Verdict.ALLOWED;
  }

  /** Whether {@code s} will charge a payment method: running, and not paid by invoice. */
  static boolean charges(Subscription s) {
    return CHARGING.contains(s.status()) && !"send_invoice".equals(s.collectionMethod());
  }
}
