package io.portico.service;

import io.portico.domain.Invoice;

/** An invoice's status transitions (Stripe's {@code status} and {@code status_transitions}), as copies. */
final class InvoiceStates {
  private InvoiceStates() {}

  static Invoice finalized(Invoice i, long now) {
    boolean settled = i.amountDue() == 0;
    return with(i, settled ? "paid" : "open", i.amountPaid(), i.amountRemaining(), i.attemptCount(), i.attempted(),
        new Invoice.StatusTransitions(now, null, settled ? now : null, null));
  }

  static Invoice paid(Invoice i, long now, boolean outOfBand) {
    var t = i.statusTransitions();
    return withNextPaymentAttempt(with(i, "paid", i.amountDue(), 0, outOfBand ? i.attemptCount() : i.attemptCount() + 1, !outOfBand || i.attempted(),
        new Invoice.StatusTransitions(t.finalizedAt(), t.markedUncollectibleAt(), now, t.voidedAt())), null);
  }

  /** A failed collection attempt: still open, one more attempt counted. */
  static Invoice attemptFailed(Invoice i) {
    return with(i, i.status(), i.amountPaid(), i.amountRemaining(), i.attemptCount() + 1, true, i.statusTransitions());
  }

  static Invoice withNextPaymentAttempt(Invoice i, Long next) {
    return new Invoice(i.id(), i.accountCountry(), i.accountName(), i.amountDue(), i.amountOverpaid(), i.amountPaid(), i.amountRemaining(),
        i.amountShipping(), i.application(), i.attemptCount(), i.attempted(), i.autoAdvance(), i.automaticTax(), i.automaticallyFinalizesAt(),
        i.billingReason(), i.collectionMethod(), i.created(), i.currency(), i.customer(), i.customerAddress(), i.customerEmail(),
        i.customerName(), i.customerPhone(), i.customerShipping(), i.customerTaxExempt(), i.customerTaxIds(), i.defaultPaymentMethod(),
        i.description(), i.discounts(), i.dueDate(), i.effectiveAt(), i.endingBalance(), i.footer(), i.hostedInvoiceUrl(), i.invoicePdf(),
        i.issuer(), i.lastFinalizationError(), i.lines(), i.livemode(), i.metadata(), next, i.number(), i.parent(),
        i.periodEnd(), i.periodStart(), i.postPaymentCreditNotesAmount(), i.prePaymentCreditNotesAmount(), i.startingBalance(), i.status(),
        i.statusTransitions(), i.subtotal(), i.subtotalExcludingTax(), i.testClock(), i.total(), i.totalDiscountAmounts(), i.totalExcludingTax(),
        i.totalPretaxCreditAmounts(), i.totalTaxes());
  }

  static Invoice voided(Invoice i, long now) {
    var t = i.statusTransitions();
    return withNextPaymentAttempt(with(i, "void", i.amountPaid(), 0, i.attemptCount(), i.attempted(),
        new Invoice.StatusTransitions(t.finalizedAt(), t.markedUncollectibleAt(), t.paidAt(), now)), null);
  }

  private static Invoice with(Invoice i, String status, long amountPaid, long amountRemaining, long attemptCount, boolean attempted,
      Invoice.StatusTransitions transitions) {
    return new Invoice(i.id(), i.accountCountry(), i.accountName(), i.amountDue(), i.amountOverpaid(), amountPaid, amountRemaining,
        i.amountShipping(), i.application(), attemptCount, attempted, i.autoAdvance(), i.automaticTax(), i.automaticallyFinalizesAt(),
        i.billingReason(), i.collectionMethod(), i.created(), i.currency(), i.customer(), i.customerAddress(), i.customerEmail(),
        i.customerName(), i.customerPhone(), i.customerShipping(), i.customerTaxExempt(), i.customerTaxIds(), i.defaultPaymentMethod(),
        i.description(), i.discounts(), i.dueDate(), i.effectiveAt(), i.endingBalance(), i.footer(), i.hostedInvoiceUrl(), i.invoicePdf(),
        i.issuer(), i.lastFinalizationError(), i.lines(), i.livemode(), i.metadata(), i.nextPaymentAttempt(), i.number(), i.parent(),
        i.periodEnd(), i.periodStart(), i.postPaymentCreditNotesAmount(), i.prePaymentCreditNotesAmount(), i.startingBalance(), status,
        transitions, i.subtotal(), i.subtotalExcludingTax(), i.testClock(), i.total(), i.totalDiscountAmounts(), i.totalExcludingTax(),
        i.totalPretaxCreditAmounts(), i.totalTaxes());
  }
}
