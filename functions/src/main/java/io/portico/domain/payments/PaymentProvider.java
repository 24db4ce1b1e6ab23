package io.portico.domain.payments;

import io.portico.domain.PaymentMethod;
import java.time.Instant;
import java.util.Map;

/**
 * Where payment details go and money comes from. Portico never moves money itself (SPEC.md
 * "Payment methods"): a provider turns raw details into the non-secret hash a payment method keeps
 * (brand, last four digits, expiry, fingerprint) and later charges it. Every call names the
 * merchant account, whose credentials a real provider would use. The built-in one is
 * {@link TestPaymentProvider}.
 */
public interface PaymentProvider {

  /**
   * What a payment method is made from: the merchant account and mode, the type, the type's raw
   * parameters as sent ({@code number}, {@code exp_month}, {@code iban}…, or only {@code token}),
   * the billing details, and the current instant (for expiry checks). The raw values are never stored.
   */
  record Tokenization(String accountId, boolean livemode, String type, Map<String, String> raw,
      PaymentMethod.BillingDetails billingDetails, Instant now) {
    /** Raw details must not reach a log through an exception message or a debugger's toString. */
    @Override
    public String toString() {
      return "Tokenization[" + accountId + ", " + (livemode ? "live" : "test") + ", " + type + ", fields " + raw.keySet() + "]";
    }
  }

  /**
   * The type's hash for a new payment method. Throws Stripe's errors: a card_error (402) for a card
   * number, expiry or CVC that cannot be right, an invalid_request_error (400) otherwise.
   */
  PaymentMethod.Details tokenize(Tokenization request);

  /**
   * Whether {@code id} names a ready-made test payment method (Stripe's {@code pm_card_visa}) that
   * {@link #tokenize} accepts as a card {@code token}: attaching such an id creates a payment method
   * from it, as Stripe does.
   */
  boolean isTestPaymentMethod(String id);

  /**
   * The zero-amount check Stripe makes before a card is saved to a customer: a card its issuer
   * would decline cannot be attached.
   */
  ChargeResult verify(String accountId, PaymentMethod paymentMethod);

  /**
   * Takes {@code amount} (minor units of {@code currency}) with {@code paymentMethod}. The same
   * {@code idempotencyKey} never charges twice: a retry gets the first result.
   */
  ChargeResult charge(String accountId, PaymentMethod paymentMethod, long amount, String currency, String idempotencyKey);
}
