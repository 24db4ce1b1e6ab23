package io.portico.domain.portal;

import static io.portico.domain.portal.Fixtures.active;
import static io.portico.domain.portal.Fixtures.card;
import static io.portico.domain.portal.Fixtures.item;
import static io.portico.domain.portal.Fixtures.monthly;
import static io.portico.domain.portal.Fixtures.sepa;
import static io.portico.domain.portal.Fixtures.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.PaymentMethod;
import io.portico.domain.Subscription;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentMethodRemovalTest {
  private static final Subscription USD = active(item(monthly("price_usd", "prod_plan", "usd", 1000), 1));
  private static final Subscription EUR = active(item(monthly("price_eur", "prod_plan", "eur", 1000), 1));
  private static final PaymentMethod CARD = card("pm_card");
  private static final PaymentMethod OTHER_CARD = card("pm_card2");
  private static final PaymentMethod SEPA = sepa("pm_sepa");

  private static String refusal(PaymentMethod remove, List<PaymentMethod> all, List<Subscription> subs) {
    return PaymentMethodRemoval.check(remove, all, subs).refusal().orElseThrow().code();
  }

  @Test
  void theLastPaymentMethodOfAnActiveSubscriberStays() {
    assertEquals("last_chargeable_payment_method", refusal(CARD, List.of(CARD), List.of(USD)));
  }

  @Test
  void addingAnotherFirstAllowsRemoval() {
    assertTrue(PaymentMethodRemoval.check(CARD, List.of(CARD, OTHER_CARD), List.of(USD)).allowed());
  }

  @Test
  void theOneLeftMustBeAbleToPayTheSubscription() {
    // SEPA Direct Debit cannot pay dollars, so it does not count for a dollar subscription.
    assertEquals("last_chargeable_payment_method", refusal(CARD, List.of(CARD, SEPA), List.of(USD)));
    assertTrue(PaymentMethodRemoval.check(CARD, List.of(CARD, SEPA), List.of(EUR)).allowed());
  }

  @Test
  void withoutASubscriptionAnyPaymentMethodCanGo() {
    assertTrue(PaymentMethodRemoval.check(CARD, List.of(CARD), List.of()).allowed());
  }

  @Test
  void endedOrInvoicedSubscriptionsNeedNoPaymentMethod() {
    Subscription canceled = subscription("canceled", "charge_automatically", false, USD.items().data().get(0));
    Subscription invoiced = subscription("active", "send_invoice", false, USD.items().data().get(0));
    assertTrue(PaymentMethodRemoval.check(CARD, List.of(CARD), List.of(canceled, invoiced)).allowed());
  }

  @Test
  void aTrialingOrPastDueSubscriptionStillNeedsOne() {
    for (String status : List.of("trialing", "past_due", "unpaid")) {
      Subscription s = subscription(status, "charge_automatically", false, USD.items().data().get(0));
      assertEquals("last_chargeable_payment_method", refusal(CARD, List.of(CARD), List.of(s)), status);
    }
  }

  @Test
  void anotherCustomersPaymentMethodIsNotFound() {
    assertEquals("payment_method_not_found", refusal(OTHER_CARD, List.of(CARD), List.of()));
  }
}
