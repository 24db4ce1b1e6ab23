package io.portico.domain.payments;

import io.portico.error.ApiError;

/** How a charge (or the zero-amount check made when a payment method is attached) ended. */
public sealed interface ChargeResult {

  /** The money was taken; {@code reference} is the provider's id for the charge (the same for a retried idempotency key). */
  record Succeeded(String reference) implements ChargeResult {}

  /**
   * The issuer said no. {@code code} is Stripe's error code ({@code card_declined}, {@code expired_card},
   * {@code incorrect_cvc}), {@code declineCode} the reason ({@code generic_decline}, {@code insufficient_funds}),
   * {@code param} the card field at fault (null when none is).
   */
  record Declined(String code, String declineCode, String message, String param) implements ChargeResult {}

  /** The payment could not be made for another reason: a processing error, a bank debit that bounced ({@code account_closed}). */
  record Failed(String code, String message) implements ChargeResult {}

  default boolean succeeded() {
    return this instanceof Succeeded;
  }

  /** Stripe's error for a refused payment: a card_error, HTTP 402 (as Stripe answers declines and processing errors). */
  default ApiError error() {
    if (this instanceof Declined d) {
      ApiError e = ApiError.card(d.code(), d.param(), d.message());
      return d.declineCode() == null ? e : e.with("decline_code", d.declineCode());
    }
    if (this instanceof Failed f) return ApiError.card(f.code(), null, f.message());
    throw new IllegalStateException("a successful charge is no error");
  }
}
