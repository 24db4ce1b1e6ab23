package io.portico.domain.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.domain.PortalConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationReasonsTest {
  private static final PortalConfiguration CONFIG = new Fixtures.Config().build(); // offers too_expensive and other

  private static String refusal(PortalConfiguration c, String reason, String comment) {
    return CancellationReasons.check(c, reason, comment).refusal().orElseThrow().code();
  }

  @Test
  void anOfferedReasonIsAccepted() {
    assertTrue(CancellationReasons.check(CONFIG, "too_expensive", null).allowed());
  }

  @Test
  void skippingTheSurveyIsAccepted() {
    assertTrue(CancellationReasons.check(CONFIG, null, null).allowed());
  }

  @Test
  void aReasonTheMerchantDidNotOfferIsRefused() {
    assertEquals("cancellation_reason_not_offered", refusal(CONFIG, "unused", null));
  }

  @Test
  void noReasonIsOfferedWhenReasonsAreOff() {
    Fixtures.Config c = new Fixtures.Config();
    c.reasonsEnabled = false;
    assertEquals("cancellation_reason_not_offered", refusal(c.build(), "too_expensive", null));
  }

  @Test
  void otherMayCarryFreeTextUpTo500Characters() {
    assertTrue(CancellationReasons.check(CONFIG, "other", "x".repeat(500)).allowed());
    assertEquals("comment_too_long", refusal(CONFIG, "other", "x".repeat(501)));
  }

  @Test
  void charactersAreCountedAsTyped() {
    // 500 emoji are 1000 UTF-16 chars but 500 characters to the customer.
    assertTrue(CancellationReasons.check(CONFIG, "other", "\uD83D\uDE00".repeat(500)).allowed());
  }

  @Test
  void onlyOtherCarriesFreeText() {
    assertEquals("comment_needs_other", refusal(CONFIG, "too_expensive", "too pricey"));
    assertEquals("comment_needs_other", refusal(CONFIG, null, "too pricey"));
    assertTrue(CancellationReasons.check(CONFIG, "too_expensive", "  ").allowed());
  }

  @Test
  void everyStripeReasonCanBeOffered() {
    Fixtures.Config c = new Fixtures.Config();
    c.reasons = PortalConfiguration.CANCELLATION_REASONS;
    for (String reason : List.of("customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex",
        "too_expensive", "unused")) {
      assertTrue(CancellationReasons.check(c.build(), reason, null).allowed(), reason);
    }
  }
}
