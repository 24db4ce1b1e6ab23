package io.portico.portal;

import io.portico.api.ApiResponse;
import io.portico.error.ApiError;
import io.portico.service.PaymentMethodService;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * {@code POST /p/provider/test/payment_methods}: the test payment provider's tokenization step, the
 * stand-in for Stripe.js. The portal page sends the card (or bank) details here, to a function of
 * their own, and gets back an unattached {@code pm_…} of the session's merchant, which it then saves
 * with {@code POST /p/api/payment_methods}: the details never reach the portal API, and what is stored
 * is only what the provider returns (brand, last four digits, expiry, fingerprint).
 *
 * <p>It takes a portal credential (so only a customer in a live portal session, with payment method
 * updates enabled, can tokenize, and only for that session's merchant), test mode only, and only
 * Stripe's payment method parameters for the details: {@code type}, the type's hash
 * ({@code card[number]}…), {@code billing_details}. No metadata and nothing is attached.
 */
@Singleton
public class TestTokenization {
  /** Top-level parameters passed on to {@link PaymentMethodService#create}; anything else is refused. */
  private static final Set<String> ALLOWED = Set.of("type", "card", "sepa_debit", "us_bank_account", "bacs_debit", "au_becs_debit",
      "acss_debit", "link", "paypal", "billing_details", PortalApi.CSRF_FIELD);

  private final PaymentMethodService paymentMethods;

  public TestTokenization(PaymentMethodService paymentMethods) {
    this.paymentMethods = paymentMethods;
  }

  public ApiResponse tokenize(PortalRequest r) {
    r.require(r.features().paymentMethodUpdate().enabled(), PortalPaymentMethods.FEATURE);
    if (r.session().livemode()) {
      throw new ApiError(400, ApiError.INVALID_REQUEST, "livemode_unsupported", null,
          "The built-in test payment provider only tokenizes test payment details; live sessions use a real provider's own step.");
    }
    Params p = r.params();
    for (String name : p.names()) {
      if (!ALLOWED.contains(name)) throw ApiError.unknownParameter(name);
    }
    return paymentMethods.create(r.merchantRequest("POST /v1/payment_methods", p));
  }
}
