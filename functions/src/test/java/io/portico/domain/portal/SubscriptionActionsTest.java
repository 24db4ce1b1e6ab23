package io.portico.domain.portal;

import static io.portico.domain.portal.Fixtures.NOW;
import static io.portico.domain.portal.Fixtures.PERIOD_END;
import static io.portico.domain.portal.Fixtures.active;
import static io.portico.domain.portal.Fixtures.card;
import static io.portico.domain.portal.Fixtures.item;
import static io.portico.domain.portal.Fixtures.metered;
import static io.portico.domain.portal.Fixtures.monthly;
import static io.portico.domain.portal.Fixtures.product;
import static io.portico.domain.portal.Fixtures.sepa;
import static io.portico.domain.portal.Fixtures.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.PaymentMethod;
import io.portico.domain.Price;
import io.portico.domain.Subscription;
import io.portico.domain.portal.SubscriptionActions.Mode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionActionsTest {
  private static final Price BASIC = monthly("price_basic", "prod_plan", "usd", 1000);
  private static final Price PRO = monthly("price_pro", "prod_plan", "usd", 2000);
  private static final Price ADDON = monthly("price_addon", "prod_addon", "usd", 500);

  private static Fixtures.Config config() {
    return new Fixtures.Config().products(product("prod_plan", "price_basic", "price_pro"));
  }

  private static SubscriptionActions actions(Subscription s, Fixtures.Config c) {
    return actions(s, c, Optional.of(card("pm_card")), false);
  }

  private static SubscriptionActions actions(Subscription s, Fixtures.Config c, Optional<PaymentMethod> pm, boolean pendingSchedule) {
    return SubscriptionActions.of(s, c.build(), pm, pendingSchedule, NOW);
  }

  private static void assertCancelOnly(SubscriptionActions a, String code) {
    assertEquals(Mode.CANCEL_ONLY, a.mode());
    assertTrue(a.canCancel());
    assertEquals(Set.of(), a.updateKinds());
    assertEquals(code, a.updateRefusal().orElseThrow().code());
  }

  @Test
  void aPlainSubscriptionCanBeUpdatedAndCancelled() {
    SubscriptionActions a = actions(active(item(BASIC, 1)), config().allowed("price", "quantity", "promotion_code"));
    assertEquals(Mode.UPDATE, a.mode());
    assertEquals(List.of("price", "promotion_code", "quantity"), List.copyOf(a.updateKinds()));
    assertTrue(a.canCancel());
    assertFalse(a.canRenew());
    assertEquals(Optional.empty(), a.updateRefusal());
    assertEquals(Optional.empty(), a.cancelRefusal());
  }

  @Test
  void severalProductsCanOnlyBeCancelled() {
    assertCancelOnly(actions(active(item(BASIC, 1), item(ADDON, 1)), config()), "multiple_products");
  }

  @Test
  void meteredPricesCanOnlyBeCancelled() {
    assertCancelOnly(actions(active(item(metered("price_usage", "prod_plan"), 1)), config()), "metered_price");
  }

  @Test
  void sendInvoiceCanOnlyBeCancelled() {
    assertCancelOnly(actions(subscription("active", "send_invoice", false, item(BASIC, 1)), config()), "send_invoice");
  }

  @Test
  void aPaymentMethodThatCannotPayTheCurrencyMeansCancelOnly() {
    // SEPA Direct Debit pays in euros only; this subscription bills dollars.
    assertCancelOnly(actions(active(item(BASIC, 1)), config(), Optional.of(sepa("pm_sepa")), false), "unsupported_payment_method");
  }

  @Test
  void noPaymentMethodYetDoesNotRestrictUpdates() {
    assertEquals(Mode.UPDATE, actions(active(item(BASIC, 1)), config(), Optional.empty(), false).mode());
  }

  @Test
  void aPendingScheduleBlocksUpdates() {
    assertCancelOnly(actions(active(item(BASIC, 1)), config(), Optional.of(card("pm_card")), true), "pending_schedule");
  }

  @Test
  void updatesDisabledInTheConfiguration() {
    Fixtures.Config c = config();
    c.updateEnabled = false;
    assertCancelOnly(actions(active(item(BASIC, 1)), c), "update_disabled");
  }

  @Test
  void aProductTheConfigurationDoesNotListCannotBeUpdated() {
    assertCancelOnly(actions(active(item(ADDON, 1)), config()), "product_not_offered");
  }

  @Test
  void nothingToChooseFromIsNoUpdate() {
    // Only the current price is listed and quantities are fixed: there is nothing to change to.
    assertCancelOnly(actions(active(item(BASIC, 1)), config().products(product("prod_plan", "price_basic")).allowed("price")),
        "nothing_to_update");
  }

  @Test
  void promotionCodesAloneAreNotAnUpdate() {
    assertCancelOnly(actions(active(item(BASIC, 1)), config().allowed("promotion_code")), "nothing_to_update");
  }

  @Test
  void quantityAloneIsAnUpdateWithoutPlanSwitching() {
    SubscriptionActions a = actions(active(item(BASIC, 1)), config().allowed("quantity"));
    assertEquals(Mode.UPDATE, a.mode());
    assertEquals(Set.of("quantity"), a.updateKinds());
  }

  @Test
  void cancelDisabledLeavesUpdateWithoutCancel() {
    Fixtures.Config c = config();
    c.cancelEnabled = false;
    SubscriptionActions a = actions(active(item(BASIC, 1)), c);
    assertEquals(Mode.UPDATE, a.mode());
    assertFalse(a.canCancel());
    assertEquals("cancel_disabled", a.cancelRefusal().orElseThrow().code());
  }

  @Test
  void cancelDisabledAndCancelOnlyMeansNothing() {
    Fixtures.Config c = config();
    c.cancelEnabled = false;
    SubscriptionActions a = actions(subscription("active", "send_invoice", false, item(BASIC, 1)), c);
    assertEquals(Mode.NOTHING, a.mode());
    assertEquals("send_invoice", a.updateRefusal().orElseThrow().code());
    assertEquals("cancel_disabled", a.cancelRefusal().orElseThrow().code());
  }

  @Test
  void endedSubscriptionsAllowNothing() {
    for (String status : List.of("canceled", "incomplete_expired")) {
      SubscriptionActions a = actions(subscription(status, "charge_automatically", false, item(BASIC, 1)), config());
      assertEquals(Mode.NOTHING, a.mode(), status);
      assertEquals("subscription_ended", a.updateRefusal().orElseThrow().code(), status);
      assertEquals("subscription_ended", a.cancelRefusal().orElseThrow().code(), status);
    }
  }

  @Test
  void aSubscriptionCancellingAtPeriodEndCanBeRenewedWhileThePeriodLasts() {
    SubscriptionActions a = actions(subscription("active", "charge_automatically", true, item(BASIC, 1)), config());
    assertEquals(Mode.RENEW, a.mode());
    assertTrue(a.canRenew());
    assertFalse(a.canCancel());
    assertEquals("cancellation_pending", a.updateRefusal().orElseThrow().code());
  }

  @Test
  void renewalEndsWithThePeriod() {
    Subscription s = subscription("active", "charge_automatically", true, item(BASIC, 1));
    SubscriptionActions a = SubscriptionActions.of(s, config().build(), Optional.empty(), false, PERIOD_END);
    assertEquals(Mode.NOTHING, a.mode());
    assertFalse(a.canRenew());
  }

  @Test
  void sendInvoiceAndSeveralProductsGiveTheFirstReason() {
    Subscription s = subscription("active", "send_invoice", false, item(BASIC, 1), item(ADDON, 1));
    assertCancelOnly(actions(s, config(), Optional.of(sepa("pm_sepa")), true), "multiple_products");
  }

  @Test
  void meteredAndPendingScheduleGiveTheSeedsReasonFirst() {
    assertCancelOnly(actions(active(item(metered("price_usage", "prod_plan"), 1)), config(), Optional.empty(), true), "metered_price");
  }

  @Test
  void everyRefusalCarriesASentence() {
    SubscriptionActions a = actions(active(item(BASIC, 1), item(ADDON, 1)), config());
    assertFalse(a.updateRefusal().orElseThrow().message().isBlank());
  }
}
