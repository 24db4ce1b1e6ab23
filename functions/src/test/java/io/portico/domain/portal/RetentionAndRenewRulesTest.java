package io.portico.domain.portal;

import static io.portico.domain.portal.Fixtures.NOW;
import static io.portico.domain.portal.Fixtures.PERIOD_END;
import static io.portico.domain.portal.Fixtures.active;
import static io.portico.domain.portal.Fixtures.item;
import static io.portico.domain.portal.Fixtures.monthly;
import static io.portico.domain.portal.Fixtures.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.Coupon;
import io.portico.domain.PortalConfiguration;
import io.portico.domain.Price;
import io.portico.domain.Subscription;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retention offer's rule, why renewing is refused, and the survey's wording. */
class RetentionAndRenewRulesTest {
  private static final Price BASIC = monthly("price_basic", "prod_plan", "usd", 1000);

  private static Coupon percent(String id, Long maxRedemptions, long timesRedeemed, Long redeemBy, List<String> products) {
    return new Coupon(id, null, products == null ? null : new Coupon.AppliesTo(products), 1L, null, "once", null, false, maxRedemptions, Map.of(),
        null, new BigDecimal("50"), redeemBy, timesRedeemed, true);
  }

  private static Coupon euros(String id) {
    return new Coupon(id, 500L, null, 1L, "eur", "once", null, false, null, Map.of(), null, null, null, 0, true);
  }

  private static String refusal(Verdict v) {
    return v.refusal().map(Reason::code).orElse("allowed");
  }

  private static Verdict check(Coupon c, boolean deleted, List<String> applied) {
    return RetentionOffer.check(c, deleted, applied, List.of("prod_plan"), "usd", NOW);
  }

  @Test
  void aValidCouponIsOffered() {
    assertEquals("allowed", refusal(check(percent("STAY50", null, 0, null, null), false, List.of("OTHER10"))));
    assertEquals("allowed", refusal(check(percent("STAY50", 3L, 2, NOW + 1, List.of("prod_plan", "prod_x")), false, List.of())));
  }

  @Test
  void anOfferIsAcceptedOnce() {
    assertEquals("retention_offer_accepted", refusal(check(percent("STAY50", null, 0, null, null), false, List.of("STAY50"))));
  }

  @Test
  void aCouponThatCannotBeRedeemedNowIsNoLongerOffered() {
    assertEquals("retention_offer_unavailable", refusal(check(null, false, List.of())), "unknown coupon");
    assertEquals("retention_offer_unavailable", refusal(check(percent("STAY50", null, 0, null, null), true, List.of())), "deleted");
    assertEquals("retention_offer_unavailable", refusal(check(percent("STAY50", null, 0, NOW - 1, null), false, List.of())), "past redeem_by");
    assertEquals("retention_offer_unavailable", refusal(check(percent("STAY50", 2L, 2, null, null), false, List.of())), "fully redeemed");
    assertEquals("retention_offer_unavailable", refusal(check(euros("FIVE_EUR"), false, List.of())), "amount off in another currency");
    assertEquals("retention_offer_unavailable", refusal(check(percent("STAY50", null, 0, null, List.of("prod_other")), false, List.of())),
        "restricted to products the subscription does not bill");
  }

  @Test
  void renewingIsForASubscriptionSetToEndWhileItsPeriodLasts() {
    PortalConfiguration c = new Fixtures.Config().build();
    Subscription cancelling = subscription("active", "charge_automatically", true, item(BASIC, 1));
    assertEquals(Optional.empty(), SubscriptionActions.of(cancelling, c, Optional.empty(), false, NOW).renewRefusal());
    assertEquals("subscription_ended", SubscriptionActions.of(cancelling, c, Optional.empty(), false, PERIOD_END).renewRefusal().orElseThrow().code(),
        "the paid period is over, even before the billing clock ends it");
    Subscription canceled = subscription("canceled", "charge_automatically", true, item(BASIC, 1));
    assertEquals("subscription_ended", SubscriptionActions.of(canceled, c, Optional.empty(), false, NOW).renewRefusal().orElseThrow().code());
    assertEquals("not_cancelling", SubscriptionActions.of(active(item(BASIC, 1)), c, Optional.empty(), false, NOW).renewRefusal().orElseThrow().code());
    Fixtures.Config off = new Fixtures.Config();
    off.cancelEnabled = false;
    assertEquals("not_cancelling", SubscriptionActions.of(active(item(BASIC, 1)), off.build(), Optional.empty(), false, NOW).renewRefusal()
        .orElseThrow().code(), "cancel disabled is not the reason: there is nothing to renew");
    assertEquals(Optional.empty(), SubscriptionActions.of(cancelling, off.build(), Optional.empty(), false, NOW).renewRefusal(),
        "renewing needs no switch: it only withdraws a cancellation");
  }

  @Test
  void everyFeedbackCodeHasASentence() {
    assertEquals(PortalConfiguration.CANCELLATION_REASONS.stream().sorted().toList(),
        CancellationReasons.LABELS.keySet().stream().sorted().toList());
    assertTrue(CancellationReasons.LABELS.values().stream().noneMatch(String::isBlank));
  }
}
